using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Reporting;
using Feedback.Domain.Reporting.Commands;
using Feedback.Domain.Satisfaction.Commands;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Outbox;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Infrastructure.Reports;

public static class ReportServices
{
    public const string ReportsPolicy = "Reports";

    /// <summary>
    /// Satisfaction surveys and KPIs: the survey sweep (reminder after 3 days, close after 7), the month-end
    /// freeze of the monthly report, the KPI source, and who may open /Reports (heads, dispatchers, admins).
    /// Settings (section <c>Reports</c>): <c>SweepSeconds</c> (300), <c>LiveFiguresSeconds</c> (60: how long the
    /// current month's figures are reused; 0 counts on every request), <c>BackgroundEnabled</c> (true; tests
    /// switch it off and call <see cref="SurveySweeper.RunOnceAsync"/> / <see cref="MonthlyReportFreezer.RunOnceAsync"/>).
    /// Call after AddFeedbackEmail.
    /// </summary>
    public static IServiceCollection AddFeedbackReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemScopes();
        services.AddSingleton(_ => ReportOptions.FromConfiguration(configuration));
        services.AddScoped<KpiSource>();
        services.AddSingleton<FrozenReportCache>();
        services.AddSingleton(_ => ReportOptions.FromConfiguration(configuration).LiveFigures);
        services.AddSingleton<LiveKpiCache>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReportsPolicy, p => p.RequireRole(Roles.DepartmentHead, Roles.Dispatcher, Roles.Admin));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Reports", ReportsPolicy));
        services.AddSingleton<SurveySweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<SurveySweeper>());
        services.AddSingleton<MonthlyReportFreezer>();
        services.AddHostedService(provider => provider.GetRequiredService<MonthlyReportFreezer>());
        return services;
    }
}

public sealed class ReportOptions
{
    public bool BackgroundEnabled { get; init; } = true;
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(5);
    public LiveKpiOptions LiveFigures { get; init; } = new(TimeSpan.FromMinutes(1));

    public static ReportOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reports");
        var seconds = section.GetValue("SweepSeconds", 300.0);
        if (seconds is <= 0 or > 86_400)
            throw new InvalidOperationException($"Reports:SweepSeconds must be in (0, 86400] (was {seconds}).");
        var liveSeconds = section.GetValue("LiveFiguresSeconds", 60.0);
        if (liveSeconds is < 0 or > 3600)
            throw new InvalidOperationException($"Reports:LiveFiguresSeconds must be in [0, 3600] (was {liveSeconds}).");
        return new ReportOptions
        {
            BackgroundEnabled = section.GetValue("BackgroundEnabled", true),
            SweepInterval = TimeSpan.FromSeconds(seconds),
            LiveFigures = new LiveKpiOptions(TimeSpan.FromSeconds(liveSeconds)),
        };
    }
}

/// <summary>Sends <see cref="SweepSurveys"/> as the system, batch after batch, until no reminder or close is due.</summary>
public sealed class SurveySweeper(IServiceScopeFactory scopes, ReportOptions options, ILogger<SurveySweeper> logger)
    : PollingService(new WorkSignal(), logger)
{
    private const int MaxBatchesPerRun = 50;

    protected override bool Enabled => options.BackgroundEnabled;
    protected override TimeSpan PollInterval => options.SweepInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            await using var scope = scopes.CreateSystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepSurveys(), cancellationToken);
            done += result.Reminded + result.Closed;
            if (!result.MoreDue)
                break;
        }
        if (done > 0)
            logger.LogInformation("Survey sweep: {Count} reminders sent or surveys closed", done);
        return done;
    }
}

/// <summary>
/// At month end (organisation time), freezes the month that just ended, once. Checks at every poll, so a
/// server that was down over the turn of the month freezes it when it comes back.
/// </summary>
public sealed class MonthlyReportFreezer(IServiceScopeFactory scopes, ReportOptions options, TimeProvider clock, ILogger<MonthlyReportFreezer> logger)
    : PollingService(new WorkSignal(), logger)
{
    protected override bool Enabled => options.BackgroundEnabled;
    protected override TimeSpan PollInterval => options.SweepInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<FeedbackDbContext>();
        var calendar = await provider.GetRequiredService<WorkCalendarSource>().GetAsync(db, cancellationToken);
        var ended = ReportMonth.Of(clock.GetUtcNow(), calendar.TimeZone).Previous;
        if (db.MonthlyReports.Any(r => r.Year == ended.Year && r.Month == ended.Month))
            return 0;
        await provider.GetRequiredService<IMediator>().Send(new FreezeMonthlyReport(ended.ToString()), cancellationToken);
        logger.LogInformation("Monthly report {Month} frozen", ended);
        return 1;
    }
}
