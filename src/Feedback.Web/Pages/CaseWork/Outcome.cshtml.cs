using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Publishing;
using Feedback.Domain.Publishing.Commands;
using Feedback.Domain.Publishing.Queries;
using Feedback.Domain.Rectification;
using Feedback.Domain.Rectification.Commands;
using Feedback.Domain.Rectification.Queries;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.CaseWork;

/// <summary>
/// /Staff/Case/{id}/Outcome: the rectification record (root cause, measures with owner, due date, evidence),
/// the decision on a suggestion, and the public notice (draft with a server-rendered, masked preview;
/// approval by the department head; unpublishing). Every form posts here, then PRG back with a message.
/// </summary>
[Authorize(Roles = $"{Roles.Staff},{Roles.DepartmentHead},{Roles.Dispatcher}")]
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class OutcomeModel(IMediator mediator, WorkCalendarSource calendars, FeedbackDbContext db, TimeProvider clock) : PageModel, IFormPrefix
{
    public const string FlashKey = "Outcomes.Flash";

    public CaseRectificationView Rectification { get; private set; } = null!;
    public OutcomeWorkView Work { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateOnly Today { get; private set; }
    public string FormPrefix { get; private set; } = "";
    public string? Flash { get; private set; }
    /// <summary>Set when the drafter asked for a preview (nothing is saved).</summary>
    public bool Previewing { get; private set; }

    [BindProperty] public RootCauseInput Cause { get; set; } = new();
    [BindProperty] public MeasureInput Measure { get; set; } = new();
    [BindProperty] public CompletionInput Complete { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public DraftInput Draft { get; set; } = new();
    [BindProperty] public NoteInput Return { get; set; } = new();
    [BindProperty] public ReasonInput Unpublish { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Work.Outcome is { } outcome)
            Draft = new DraftInput { Title = outcome.DraftTitle, Markdown = outcome.DraftMarkdown };
        if (Rectification.Rectification is { } record)
            Cause = new RootCauseInput { RootCause = record.RootCause };
    }

    public Task<IActionResult> OnPostRootCauseAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Cause), new RecordRectification(id, Cause.RootCause ?? ""), "Outcomes.Done.RootCause", ct);

    public Task<IActionResult> OnPostAddMeasureAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Measure), new AddMeasure(id, Measure.Description ?? "", Measure.OwnerUserId ?? Guid.Empty, Measure.DueOn), "Outcomes.Done.MeasureAdded", ct);

    public Task<IActionResult> OnPostStartMeasureAsync(Guid id, Guid measureId, CancellationToken ct) =>
        SendAsync(id, "", new StartMeasure(id, measureId), "Outcomes.Done.MeasureStarted", ct);

    public Task<IActionResult> OnPostCompleteMeasureAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Complete), new CompleteMeasure(id, Complete.MeasureId ?? Guid.Empty, Complete.Note ?? "", Complete.Evidence.ToUploadedFiles()),
            "Outcomes.Done.MeasureCompleted", ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Decision), new DecideSuggestion(id, Decision.Verdict, Decision.Reason ?? ""), "Outcomes.Done.Decided", ct);

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        // The page first, then the preview: a draft the preview refuses (a title too long) shows the page again with the message.
        await LoadAsync(id, ct);
        FormPrefix = nameof(Draft);
        this.EnsureValid(Check.Optional(Draft.Title, nameof(Draft.Title), Outcome.TitleMaxLength)
            .Concat(Check.Optional(Draft.Markdown, nameof(Draft.Markdown), Outcome.BodyMaxLength)));
        Work = await mediator.Send(new GetOutcomeWork(id, Draft.Title ?? "", Draft.Markdown ?? ""), ct);
        Previewing = true;
        return Page();
    }

    public Task<IActionResult> OnPostSaveDraftAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Draft), new SaveOutcomeDraft(id, Draft.Title ?? "", Draft.Markdown ?? ""), "Outcomes.Done.DraftSaved", ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "", new SubmitOutcome(id), "Outcomes.Done.Submitted", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, "", new ApproveOutcome(id), "Outcomes.Done.Approved", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Return), new ReturnOutcome(id, Return.Note ?? ""), "Outcomes.Done.Returned", ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, nameof(Unpublish), new UnpublishOutcome(id, Unpublish.Reason ?? ""), "Outcomes.Done.Unpublished", ct);

    public string Local(DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm") : "–";

    private async Task<IActionResult> SendAsync(Guid id, string form, IBaseCommand command, string doneKey, CancellationToken cancellationToken)
    {
        // Loaded first: an unknown case is a 404 before anything else, and a refused command shows the page as it was.
        await LoadAsync(id, cancellationToken);
        FormPrefix = form;
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        await mediator.Send((object)command, cancellationToken);
        TempData[FlashKey] = doneKey;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken, string? previewTitle = null, string? previewMarkdown = null)
    {
        Rectification = await mediator.Send(new GetCaseRectification(id, SubmitterProof.None), cancellationToken);
        Work = await mediator.Send(new GetOutcomeWork(id, previewTitle, previewMarkdown), cancellationToken);
        Zone = (await calendars.GetAsync(db, cancellationToken)).TimeZone;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
        Flash = TempData[FlashKey] as string;
    }

    // Form fields are named like the commands' properties, so a refused command's errors land next to them.
    public sealed class RootCauseInput { public string? RootCause { get; set; } }

    public sealed class MeasureInput
    {
        public string? Description { get; set; }
        public Guid? OwnerUserId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class CompletionInput
    {
        public Guid? MeasureId { get; set; }
        public string? Note { get; set; }
        public List<IFormFile> Evidence { get; set; } = [];
    }

    public sealed class DecisionInput
    {
        public SuggestionVerdict Verdict { get; set; } = SuggestionVerdict.Adopted;
        public string? Reason { get; set; }
    }

    public sealed class DraftInput
    {
        public string? Title { get; set; }
        public string? Markdown { get; set; }
    }

    public sealed class NoteInput { public string? Note { get; set; } }

}
