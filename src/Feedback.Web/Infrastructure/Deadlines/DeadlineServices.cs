using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Web.Infrastructure.Outbox;
using Mediator;

namespace Feedback.Web.Infrastructure.Deadlines;

public static class DeadlineServices
{
    /// <summary>
    /// Deadlines kept in step with the timeline (the refresher replays a case's clock before every save) and
    /// the escalation scan in the background. Settings (section <c>Deadlines</c>): <c>ScanSeconds</c> (60),
    /// <c>ScanEnabled</c> (true; tests switch it off and call <see cref="DeadlineScanner.RunOnceAsync"/>).
    /// Call after AddFeedbackEmail (the scan acts as the system through its scopes).
    /// </summary>
    public static IServiceCollection AddFeedbackDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemScopes();
        services.AddSingleton(_ => DeadlineOptions.FromConfiguration(configuration));
        services.AddSingleton<DeadlineRefresher>();
        services.ConfigureDbContext<FeedbackDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DeadlineRefresher>()));
        services.AddSingleton<DeadlineScanner>();
        services.AddHostedService(provider => provider.GetRequiredService<DeadlineScanner>());
        return services;
    }
}

public sealed class DeadlineOptions
{
    public bool ScanEnabled { get; init; } = true;
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(60);
    public int BatchSize { get; init; } = ScanDeadlines.DefaultBatchSize;

    public static DeadlineOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Deadlines");
        var seconds = section.GetValue("ScanSeconds", 60.0);
        var batch = section.GetValue("BatchSize", ScanDeadlines.DefaultBatchSize);
        if (seconds is <= 0 or > 86_400 || batch is < 1 or > 10_000)
            throw new InvalidOperationException($"Deadlines:ScanSeconds must be in (0, 86400] (was {seconds}) and Deadlines:BatchSize in [1, 10000] (was {batch}).");
        return new DeadlineOptions
        {
            ScanEnabled = section.GetValue("ScanEnabled", true),
            ScanInterval = TimeSpan.FromSeconds(seconds),
            BatchSize = batch,
        };
    }
}

/// <summary>
/// The escalation scan: every <see cref="DeadlineOptions.ScanInterval"/>, sends <see cref="ScanDeadlines"/>
/// as the system, batch after batch, until no step is due. Steps are stored per case, so a scan that was
/// stopped for a while catches up (each step once, in order) and two runs never fire one twice.
/// </summary>
public sealed class DeadlineScanner(IServiceScopeFactory scopes, DeadlineOptions options, ILogger<DeadlineScanner> logger)
    : PollingService(new WorkSignal(), logger)
{
    /// <summary>Bounds one run; whatever is left is picked up by the next.</summary>
    private const int MaxBatchesPerRun = 100;

    protected override bool Enabled => options.ScanEnabled;
    protected override TimeSpan PollInterval => options.ScanInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            await using var scope = scopes.CreateSystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ScanDeadlines(options.BatchSize), cancellationToken);
            fired += result.StepsFired;
            if (!result.MoreDue)
                break;
        }
        if (fired > 0)
            logger.LogInformation("Deadline scan fired {Steps} escalation steps", fired);
        return fired;
    }
}
