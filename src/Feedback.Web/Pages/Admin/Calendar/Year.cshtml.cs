using System.Text;
using Feedback.Domain.Sla.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Calendar;

/// <summary>One stored year: working hours, holidays and adjusted working days; and its file for download.</summary>
public sealed class YearModel(IMediator mediator) : PageModel
{
    [FromRoute] public int Year { get; set; }
    public CalendarYearDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Detail = await mediator.Send(new GetCalendarYear(Year), cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var detail = await mediator.Send(new GetCalendarYear(Year), cancellationToken);
        return File(Encoding.UTF8.GetBytes(detail.Content), "application/json; charset=utf-8", $"calendar-{detail.Summary.Year}.json");
    }
}
