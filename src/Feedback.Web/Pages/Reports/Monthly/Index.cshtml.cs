using Feedback.Domain.Common;
using Feedback.Domain.Reporting.Commands;
using Feedback.Domain.Reporting.Queries;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Reports.Monthly;

/// <summary>The frozen monthly reports; an admin may freeze a past month that the month-end job has not.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IFormPrefix
{
    public string FormPrefix => "";

    public MonthlyReportList List { get; private set; } = new([], []);

    [BindProperty] public string? Month { get; set; }

    [TempData] public string? Frozen { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await mediator.Send(new ListMonthlyReports(), cancellationToken);

    public async Task<IActionResult> OnPostFreezeAsync(CancellationToken cancellationToken)
    {
        List = await mediator.Send(new ListMonthlyReports(), cancellationToken);
        if (!User.IsInRole(Roles.Admin))
            return Forbid();
        var month = await mediator.Send(new FreezeMonthlyReport(Month ?? ""), cancellationToken);
        Frozen = month.ToString();
        return RedirectToPage("/Reports/Monthly/Month", new { month = month.ToString() });
    }
}
