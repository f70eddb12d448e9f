using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Staff;

/// <summary>
/// My department's queue. Filters, sort and page travel in the query string (bookmarkable, no JavaScript);
/// a value that is not one of ours is answered with 400 and the reason, never a 500.
/// </summary>
public sealed class QueueModel(IMediator mediator, OrganisationCache organisation, WorkCalendarSource calendars, FeedbackDbContext db, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public CaseStatus? Status { get; private set; }
    public string? Category { get; private set; }
    public string? Area { get; private set; }
    public bool Overdue { get; private set; }
    public bool Mine { get; private set; }
    public QueueSort Sort { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public OrganisationSnapshot Organisation { get; private set; } = null!;
    /// <summary>The organisation's working calendar: its time zone for showing instants, its hours for time left.</summary>
    public WorkCalendar Calendar { get; private set; } = null!;
    public TimeZoneInfo Zone => Calendar.TimeZone;
    public DateTimeOffset Now { get; private set; }
    /// <summary>Null when the filters were refused.</summary>
    public CasePage? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery] CaseStatus? status, [FromQuery] string? category, [FromQuery] string? area,
        [FromQuery] bool overdue, [FromQuery] bool mine, [FromQuery] QueueSort sort = QueueSort.Urgency,
        [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        (Status, Category, Area, Overdue, Mine, Sort, PageNumber) = (status, category, area, overdue, mine, sort, page);
        Organisation = await organisation.GetAsync(cancellationToken);
        Calendar = await calendars.GetAsync(db, cancellationToken);
        Now = clock.GetUtcNow();

        var categoryId = FindCode(Organisation.Categories, category, nameof(category), "Staff.Queue.UnknownCategory");
        var areaId = FindCode(Organisation.Areas, area, nameof(area), "Staff.Queue.UnknownArea");
        // Values that did not bind (a status or number that is not one): the page filter shows the page again, 400.
        if (!ModelState.IsValid)
            throw new ValidationException([]);

        Result = await mediator.Send(new ListDepartmentQueue(status, categoryId, areaId, overdue, mine, sort, page), cancellationToken);
        return Page();
    }

    public string LinkTo(int page) => StaffLinks.To("/Staff/Queue",
    [
        new("status", Status?.ToString()), new("category", Category), new("area", Area),
        new("overdue", Overdue ? "true" : null), new("mine", Mine ? "true" : null),
        new("sort", Sort == QueueSort.Urgency ? null : Sort.ToString()), new("page", page == 1 ? null : page.ToString()),
    ]);

    private Guid? FindCode<T>(IEnumerable<T> items, string? code, string field, string unknownKey) where T : NamedEntity
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var found = items.FirstOrDefault(x => string.Equals(x.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
            ModelState.AddModelError(field, localizer[unknownKey, code]);
        return found?.Id;
    }
}
