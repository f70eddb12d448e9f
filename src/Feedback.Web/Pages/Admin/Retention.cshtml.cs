using Feedback.Domain.Cases.Queries;
using Feedback.Web.Infrastructure.Privacy;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin;

/// <summary>The retention sweep for the admin: the period, how many closed cases are due, the last and next run. Counts only (ADR 0006).</summary>
public sealed class RetentionModel(IMediator mediator, RetentionOptions options, RetentionSweeper sweeper) : PageModel
{
    public RetentionStatus Status { get; private set; } = new(0, 0, 0, 0, null);
    public RetentionRun? LastRun => sweeper.LastRun;
    public DateTimeOffset? NextRunAt => sweeper.NextRunAt;
    public bool Enabled => options.Enabled;
    public double SweepHours => options.SweepInterval.TotalHours;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await mediator.Send(new GetRetentionStatus(options.RetentionDays), cancellationToken);
}
