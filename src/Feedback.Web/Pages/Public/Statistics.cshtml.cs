using Feedback.Domain.Reporting.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Public;

/// <summary>Public statistics: the organisation's monthly totals only (no case, no person), with a chart.</summary>
public sealed class StatisticsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<PublicMonthStatistics> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Months = await mediator.Send(new GetPublicStatistics(), cancellationToken);
}
