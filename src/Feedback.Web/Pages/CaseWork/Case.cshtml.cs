using Feedback.Domain.Data;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Domain.Sla.Queries;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.CaseWork;

/// <summary>
/// The case as staff and the service centre work it: /Staff/Case/{id}. The file lives outside Pages/Staff
/// because that folder admits only Staff and DepartmentHeads, and dispatchers work on this same page.
/// Which case a person may open, and what they may do on it, is the domain's decision (404 / 403).
/// Every action is a small form: POST, then redirect back with a message (PRG).
/// </summary>
[Authorize(Roles = $"{Roles.Staff},{Roles.DepartmentHead},{Roles.Dispatcher}")]
public sealed class CaseModel(IMediator mediator, WorkCalendarSource calendars, FeedbackDbContext db, TimeProvider clock) : PageModel, IFormPrefix
{
    public const string FlashKey = "Staff.Flash";
    public const string ReceiptNumberKey = "Staff.Receipt.TrackingNumber";
    public const string ReceiptPinKey = "Staff.Receipt.Pin";

    public StaffCaseView View { get; private set; } = null!;
    public CaseDeadlinesView Deadlines { get; private set; } = null!;
    /// <summary>The organisation's working calendar: its time zone for showing instants, its hours for time left.</summary>
    public WorkCalendar Calendar { get; private set; } = null!;
    public TimeZoneInfo Zone => Calendar.TimeZone;
    public DateTimeOffset Now { get; private set; }
    /// <summary>The form whose fields a refused command's errors belong to.</summary>
    public string FormPrefix { get; private set; } = "";

    [BindProperty] public QuestionInput RequestInfo { get; set; } = new();
    [BindProperty] public InformationInput RecordInfo { get; set; } = new();
    [BindProperty] public SummaryInput Resolve { get; set; } = new();
    [BindProperty] public ReasonInput Return { get; set; } = new();
    [BindProperty] public ReassignInput Reassign { get; set; } = new();
    [BindProperty] public RouteInput Route { get; set; } = new();
    [BindProperty] public RejectInput Reject { get; set; } = new();
    [BindProperty] public TextInput Reply { get; set; } = new();
    [BindProperty] public TextInput Note { get; set; } = new();
    [BindProperty] public ExtensionRequestInput Extension { get; set; } = new();
    [BindProperty] public ExtensionDecisionInput Decision { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "", new AcceptCase(id), "Staff.Case.Done.Accept", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "", new ResumeCase(id), "Staff.Case.Done.Resume", ct);

    public Task<IActionResult> OnPostRequestInfoAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(RequestInfo), new RequestInformation(id, RequestInfo.Question ?? ""), "Staff.Case.Done.RequestInfo", ct);

    public Task<IActionResult> OnPostRecordInfoAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(RecordInfo), new RecordInformation(id, RecordInfo.Information ?? ""), "Staff.Case.Done.RecordInfo", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Resolve), new ResolveCase(id, Resolve.Summary ?? ""), "Staff.Case.Done.Resolve", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Return), new ReturnToDispatcher(id, Return.Reason ?? ""), "Staff.Case.Done.Return", ct);

    public Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Reassign), new ReassignCase(id, Reassign.DepartmentId ?? Guid.Empty, Reassign.AssigneeId, Reassign.Note), "Staff.Case.Done.Reassign", ct);

    public Task<IActionResult> OnPostRouteAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Route), new RouteCase(id, Route.DepartmentId ?? Guid.Empty, Route.Priority, Route.Note), "Staff.Case.Done.Route", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Reject), new RejectCase(id, Reject.Reason, Reject.Note ?? "", Reject.DuplicateOf), "Staff.Case.Done.Reject", ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Reply), new PostPublicReply(id, Reply.Text ?? ""), "Staff.Case.Done.Reply", ct);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Note), new AddInternalNote(id, Note.Text ?? ""), "Staff.Case.Done.Note", ct);

    public Task<IActionResult> OnPostRequestExtensionAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Extension), new RequestDeadlineExtension(id, Extension.WorkingDays ?? 0, Extension.Reason ?? ""), "Deadlines.Done.Requested", ct);

    public Task<IActionResult> OnPostDecideExtensionAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Decision), new DecideDeadlineExtension(id, Decision.ExtensionId ?? Guid.Empty, Decision.Approve, Decision.Note),
            Decision.Approve ? "Deadlines.Done.Approved" : "Deadlines.Done.Refused", ct);

    /// <summary>The receipt to read out to a caller, right after a dispatcher filed the case (shown once).</summary>
    public (string TrackingNumber, string Pin)? Receipt { get; private set; }

    public string? Flash { get; private set; }

    private async Task<IActionResult> SendAsync(Guid id, string form, ICommand command, string doneKey, CancellationToken cancellationToken)
    {
        // Loaded first: a case this user may not see is a 404 before anything else, and a refused command
        // shows the page again as it was (see DomainExceptionPageFilter).
        await LoadAsync(id, cancellationToken);
        FormPrefix = form;
        // Values that did not bind (a status or number that is not one): the page filter shows the page again, 400.
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        await mediator.Send(command, cancellationToken);
        TempData[FlashKey] = doneKey;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await mediator.Send(new GetStaffCase(id), cancellationToken);
        Deadlines = await mediator.Send(new GetCaseDeadlines(id), cancellationToken);
        Calendar = await calendars.GetAsync(db, cancellationToken);
        Now = clock.GetUtcNow();
        Flash = TempData[FlashKey] as string;
        if (TempData[ReceiptNumberKey] is string number && TempData[ReceiptPinKey] is string pin)
            Receipt = (number, pin);
    }
}
