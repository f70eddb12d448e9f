using Feedback.Domain.Rectification.Commands;
using Feedback.Web.Infrastructure.Outbox;
using Mediator;

namespace Feedback.Web.Infrastructure.Outcomes;

public static class OutcomeServices
{
    /// <summary>
    /// The outcome scan in the background: overdue rectification measures (warned once) and the 7-day close
    /// of unanswered resolutions. Settings (section <c>Outcomes</c>): <c>ScanSeconds</c> (300),
    /// <c>ScanEnabled</c> (true; tests switch it off and call <see cref="OutcomeScanner.RunOnceAsync"/>).
    /// Call after AddFeedbackEmail (the scan acts as the system through its scopes).
    /// </summary>
    public static IServiceCollection AddFeedbackOutcomes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemScopes();
        services.AddSingleton(_ => OutcomeOptions.FromConfiguration(configuration));
        services.AddSingleton<OutcomeScanner>();
        services.AddHostedService(provider => provider.GetRequiredService<OutcomeScanner>());
        return services;
    }
}

public sealed class OutcomeOptions
{
    public bool ScanEnabled { get; init; } = true;
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromMinutes(5);

    public static OutcomeOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Outcomes");
        var seconds = section.GetValue("ScanSeconds", 300.0);
        if (seconds is <= 0 or > 86_400)
            throw new InvalidOperationException($"Outcomes:ScanSeconds must be in (0, 86400] (was {seconds}).");
        return new OutcomeOptions { ScanEnabled = section.GetValue("ScanEnabled", true), ScanInterval = TimeSpan.FromSeconds(seconds) };
    }
}

/// <summary>
/// Every <see cref="OutcomeOptions.ScanInterval"/>, as the system: warns about overdue measures
/// (<see cref="ScanOverdueMeasures"/>) and closes resolved cases nobody answered in 7 days
/// (<see cref="CloseUnansweredResolutions"/>), batch after batch until nothing is due. Both keep their
/// progress in the data, so a scanner that was stopped catches up and two runs never act twice.
/// </summary>
public sealed class OutcomeScanner(IServiceScopeFactory scopes, OutcomeOptions options, ILogger<OutcomeScanner> logger)
    : PollingService(new WorkSignal(), logger)
{
    private const int MaxBatchesPerRun = 100;

    protected override bool Enabled => options.ScanEnabled;
    protected override TimeSpan PollInterval => options.ScanInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var warned = await DrainAsync(() => new ScanOverdueMeasures(), cancellationToken);
        var closed = await DrainAsync(() => new CloseUnansweredResolutions(), cancellationToken);
        if (warned + closed > 0)
            logger.LogInformation("Outcome scan: {Warned} overdue measures warned, {Closed} unanswered resolutions closed", warned, closed);
        return warned + closed;
    }

    private async Task<int> DrainAsync(Func<ICommand<ScanResult>> command, CancellationToken cancellationToken)
    {
        var handled = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            await using var scope = scopes.CreateSystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command(), cancellationToken);
            handled += result.Handled;
            if (!result.MoreDue)
                break;
        }
        return handled;
    }
}
