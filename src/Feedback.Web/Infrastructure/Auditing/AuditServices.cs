using Feedback.Domain.Auditing;
using Feedback.Domain.Data;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// The audit log (ADR 0021): what <see cref="Domain.Common.Pipeline.AuditBehavior{TMessage,TResponse}"/>
/// and <see cref="AuditedDownloadFilter"/> record, written in batches, kept for <c>Audit:RetentionDays</c>.
/// Settings (section <c>Audit</c>): <c>RetentionDays</c> (365), <c>PurgeEnabled</c> (true),
/// <c>WriteDelayMilliseconds</c> (200: how long the writer gathers lines before one insert).
/// </summary>
public static class AuditServices
{
    public static IServiceCollection AddFeedbackAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => AuditOptions.FromConfiguration(configuration));
        services.AddSingleton<AuditLogWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditLogWriter>());
        services.AddScoped<IAuditTrail, HttpAuditTrail>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditRetention>());
        services.AddSingleton<AppendOnlyAuditLog>();
        services.ConfigureDbContext<FeedbackDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<AppendOnlyAuditLog>()));
        services.Configure<MvcOptions>(options => options.Filters.Add<AuditedDownloadFilter>());
        return services;
    }
}

public sealed class AuditOptions
{
    public int RetentionDays { get; init; } = 365;
    public bool PurgeEnabled { get; init; } = true;
    public TimeSpan WriteDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public int PurgeBatchSize { get; init; } = 5_000;

    public static AuditOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Audit");
        var days = section.GetValue("RetentionDays", 365);
        var delay = section.GetValue("WriteDelayMilliseconds", 200);
        var batch = section.GetValue("PurgeBatchSize", 5_000);
        if (days is < 1 or > 36_500 || delay is < 0 or > 3_600_000 || batch is < 1 or > 100_000)
            throw new InvalidOperationException(
                $"Audit:RetentionDays must be in [1, 36500] (was {days}), Audit:WriteDelayMilliseconds in [0, 3600000] (was {delay}), Audit:PurgeBatchSize in [1, 100000] (was {batch}).");
        return new AuditOptions
        {
            RetentionDays = days,
            PurgeEnabled = section.GetValue("PurgeEnabled", true),
            WriteDelay = TimeSpan.FromMilliseconds(delay),
            PurgeBatchSize = batch,
        };
    }
}
