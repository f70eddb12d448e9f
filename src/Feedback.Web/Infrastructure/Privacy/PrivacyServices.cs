using Feedback.Domain.Cases.Commands;
using Feedback.Web.Infrastructure.Outbox;
using Mediator;

namespace Feedback.Web.Infrastructure.Privacy;

public static class PrivacyServices
{
    /// <summary>
    /// The retention sweep that keeps the privacy page's promise: closed cases are anonymised once they have been
    /// closed for <c>Privacy:RetentionDays</c> (default 1095, three years). Other settings (section <c>Privacy</c>):
    /// <c>RetentionSweepHours</c> (24), <c>RetentionBatchSize</c> (100), <c>RetentionEnabled</c> (true; tests
    /// switch it off and call <see cref="RetentionSweeper.RunOnceAsync"/>). Call after AddFeedbackEmail.
    /// </summary>
    public static IServiceCollection AddFeedbackPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemScopes();
        services.AddSingleton(_ => RetentionOptions.FromConfiguration(configuration));
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionSweeper>());
        return services;
    }
}

public sealed class RetentionOptions
{
    public const int DefaultRetentionDays = 1095;

    public bool Enabled { get; init; } = true;
    public int RetentionDays { get; init; } = DefaultRetentionDays;
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(24);
    public int BatchSize { get; init; } = AnonymiseExpiredCases.DefaultBatchSize;

    public static RetentionOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Privacy");
        var days = section.GetValue("RetentionDays", DefaultRetentionDays);
        var hours = section.GetValue("RetentionSweepHours", 24.0);
        var batch = section.GetValue("RetentionBatchSize", AnonymiseExpiredCases.DefaultBatchSize);
        // At least 30 days: a closed case may still get a survey answer or a callback for a while.
        if (days is < 30 or > 36_500 || hours is <= 0 or > 24 * 31 || batch is < 1 or > 10_000)
            throw new InvalidOperationException(
                $"Privacy:RetentionDays must be in [30, 36500] (was {days}), Privacy:RetentionSweepHours in (0, 744] (was {hours}) and Privacy:RetentionBatchSize in [1, 10000] (was {batch}).");
        return new RetentionOptions
        {
            Enabled = section.GetValue("RetentionEnabled", true),
            RetentionDays = days,
            SweepInterval = TimeSpan.FromHours(hours),
            BatchSize = batch,
        };
    }
}

/// <summary>The outcome of the sweep's last run, for the admin page.</summary>
public sealed record RetentionRun(DateTimeOffset At, int CasesAnonymised, int FilesDeleted);

/// <summary>
/// Once a day (and at start-up), sends <see cref="AnonymiseExpiredCases"/> as the system, batch after batch, until
/// no case is due. Each batch is its own transaction, so the sweep never holds the writer for long and a
/// stopped run loses nothing: what is left is still due next time.
/// </summary>
public sealed class RetentionSweeper(IServiceScopeFactory scopes, RetentionOptions options, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : PollingService(new WorkSignal(), logger)
{
    /// <summary>Bounds one run (100,000 cases with the default batch); whatever is left is picked up by the next.</summary>
    private const int MaxBatchesPerRun = 1000;

    protected override bool Enabled => options.Enabled;
    protected override TimeSpan PollInterval => options.SweepInterval;

    public RetentionRun? LastRun { get; private set; }

    /// <summary>When the loop runs next; null when it is switched off.</summary>
    public DateTimeOffset? NextRunAt => options.Enabled && LastRun is { } last ? last.At + options.SweepInterval : null;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        int cases = 0, files = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            await using var scope = scopes.CreateSystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new AnonymiseExpiredCases(options.RetentionDays, options.BatchSize), cancellationToken);
            cases += result.CasesAnonymised;
            files += result.FilesDeleted;
            if (!result.MoreDue)
                break;
        }
        LastRun = new RetentionRun(started, cases, files);
        if (cases > 0)
            logger.LogInformation("Retention sweep anonymised {Cases} closed cases and deleted {Files} attachment files", cases, files);
        return cases;
    }
}
