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
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        Query = q;
        Zone = (await calendars.GetAsync(db, cancellationToken)).TimeZone;
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
