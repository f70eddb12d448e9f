using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Web;
using Feedback.Web.Pages.CaseWork;
using Feedback.Web.Pages.Staff;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Dispatch;

/// <summary>
/// The service centre's triage queue: cases no rule could route, oldest first, each with a form to route it
/// by hand and one to reject it. A refused form is shown again with its errors beside that case only.
/// </summary>
public sealed class TriageModel(IMediator mediator, OrganisationCache organisation, WorkCalendarSource calendars, FeedbackDbContext db, TimeProvider clock)
    : PageModel, IFormPrefix
{
    public CasePage? Result { get; private set; }
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    /// <summary>The organisation's working calendar: its time zone for showing instants, its hours for time left.</summary>
    public WorkCalendar Calendar { get; private set; } = null!;
    public TimeZoneInfo Zone => Calendar.TimeZone;
    public DateTimeOffset Now { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public string? Flash { get; private set; }
    /// <summary>The case whose form was refused (its fields keep what was typed and show the errors).</summary>
    public Guid? FailedCaseId { get; private set; }
    public string FormPrefix { get; private set; } = "";

    [BindProperty] public RouteInput Route { get; set; } = new();
    [BindProperty] public RejectInput Reject { get; set; } = new();

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default) =>
        await LoadAsync(page, cancellationToken);

    public Task<IActionResult> OnPostRouteAsync(Guid caseId, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, page, nameof(Route), new RouteCase(caseId, Route.DepartmentId ?? Guid.Empty, Route.Priority, Route.Note), "Staff.Case.Done.Route", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid caseId, [FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, page, nameof(Reject), new RejectCase(caseId, Reject.Reason, Reject.Note ?? "", Reject.DuplicateOf), "Staff.Case.Done.Reject", cancellationToken);

    /// <summary>Departments a case may be routed to: a misconduct report only to the Integrity office, never to the one it accuses.</summary>
    public IEnumerable<Department> RouteTargets(CaseListItem item) =>
        Organisation.ActiveDepartments.Where(d => CaseCustody.MayHold(d, item.Kind, item.AccusedDepartmentId));

    /// <summary>Where a row's form posts: the handler, the case, and the page to come back to.</summary>
    public string ActionUrl(string handler, Guid caseId) => StaffLinks.To("/Dispatch/Triage",
        [new("handler", handler), new("caseId", caseId.ToString()), new("page", PageNumber == 1 ? null : PageNumber.ToString())]);

    public string LinkTo(int page) => StaffLinks.To("/Dispatch/Triage", [new("page", page == 1 ? null : page.ToString())]);

    private async Task<IActionResult> SendAsync(Guid caseId, int page, string form, ICommand command, string doneKey, CancellationToken cancellationToken)
    {
        await LoadAsync(page, cancellationToken);
        FailedCaseId = caseId;
        FormPrefix = form;
        // Values that did not bind (a status or number that is not one): the page filter shows the page again, 400.
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        await mediator.Send(command, cancellationToken);
        TempData[CaseModel.FlashKey] = doneKey;
        return Redirect(LinkTo(page));
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        PageNumber = page;
        Organisation = await organisation.GetAsync(cancellationToken);
        Calendar = await calendars.GetAsync(db, cancellationToken);
        Now = clock.GetUtcNow();
        Flash = TempData[CaseModel.FlashKey] as string;
        Result = await mediator.Send(new ListTriage(page), cancellationToken);
    }
}
