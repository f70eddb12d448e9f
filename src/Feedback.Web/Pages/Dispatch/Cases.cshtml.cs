using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Sla;
using Feedback.Web.Pages.Staff;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Dispatch;

/// <summary>The service centre's search over every case: by tracking number or words of the subject.</summary>
public sealed class CasesModel(IMediator mediator, WorkCalendarSource calendars, FeedbackDbContext db, TimeProvider clock) : PageModel
{
    public string? Query { get; private set; }
    public CasePage? Result { get; private set; }
    /// <summary>The organisation's working calendar: its time zone for showing instants, its hours for time left.</summary>
    public WorkCalendar Calendar { get; private set; } = null!;
    public TimeZoneInfo Zone => Calendar.TimeZone;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        Query = q;
        Calendar = await calendars.GetAsync(db, cancellationToken);
        Now = clock.GetUtcNow();
        // Values that did not bind (a status or number that is not one): the page filter shows the page again, 400.
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        // An empty search box is the page's starting state, not an error.
        if (!string.IsNullOrWhiteSpace(q))
            Result = await mediator.Send(new FindCases(q, page), cancellationToken);
        return Page();
    }

    public string LinkTo(int page) => StaffLinks.To("/Dispatch/Cases", [new("q", Query), new("page", page == 1 ? null : page.ToString())]);
}
