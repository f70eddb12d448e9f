using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;

namespace Feedback.Domain.Publishing;

public enum OutcomeStatus { Draft, AwaitingApproval, Published, Unpublished }

public enum OutcomeStep { Drafted, Revised, Submitted, Returned, Approved, Unpublished }

/// <summary>
/// 整改公示: the public notice of what a case found and what changed. Staff write it in Markdown; the public
/// text is the draft with personal data masked (<see cref="PersonalDataInText"/>), fixed when it is saved so
/// that the approver approves exactly what will be shown. The department head approves it (never the person
/// who last wrote it: four eyes); unpublishing needs a reason. Every step stays in <see cref="History"/>.
/// Misconduct reports are never published.
/// </summary>
public sealed class Outcome : Entity
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int NoteMaxLength = 2000;

    private readonly List<OutcomeHistoryEntry> _history = [];

    private Outcome() { }

    public Guid CaseId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public CaseKind Kind { get; private set; }
    public Guid CategoryId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    public OutcomeStatus Status { get; private set; }

    /// <summary>As the drafter wrote it (internal: may hold personal data the masking removes).</summary>
    public string DraftTitle { get; private set; } = "";
    public string DraftMarkdown { get; private set; } = "";
    /// <summary>What the public sees: the draft, masked.</summary>
    public string PublicTitle { get; private set; } = "";
    public string PublicMarkdown { get; private set; } = "";

    public Guid? DraftedByUserId { get; private set; }
    public string DraftedByName { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    /// <summary>When it was last sent for approval (the heads' inbox sorts on it, oldest first).</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public string? ApprovedByName { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? UnpublishedAt { get; private set; }
    public string? UnpublishReason { get; private set; }

    public IReadOnlyList<OutcomeHistoryEntry> History => _history;

    /// <summary>Misconduct reports are never published (DESIGN §3, §6), whoever asks.</summary>
    public static bool MayBePublished(CaseKind kind) => kind != CaseKind.Report;

    public static Outcome Draft(Case @case, string title, string markdown, CaseParticipant by, DateTimeOffset now)
    {
        if (!MayBePublished(@case.Kind))
            throw new DomainRuleException("Outcomes.Outcome.ReportNeverPublished");
        EnsureHandler(by);
        if (@case.DepartmentId is null)
            throw new DomainRuleException("Outcomes.Rectification.CaseClosed");
        var outcome = new Outcome
        {
            CaseId = @case.Id,
            DepartmentId = @case.DepartmentId.Value,
            Kind = @case.Kind,
            CategoryId = @case.CategoryId,
            ServiceAreaId = @case.ServiceAreaId,
            Status = OutcomeStatus.Draft,
        };
        outcome.Write(@case, title, markdown, by, now);
        outcome.Log(OutcomeStep.Drafted, by, now, null);
        return outcome;
    }

    /// <summary>Edits the text; a notice waiting for approval or taken down goes back to draft.</summary>
    public void Revise(Case @case, string title, string markdown, CaseParticipant by, DateTimeOffset now)
    {
        EnsureHandler(by);
        if (Status == OutcomeStatus.Published)
            throw new DomainRuleException("Outcomes.Outcome.UnpublishFirst");
        Write(@case, title, markdown, by, now);
        Status = OutcomeStatus.Draft;
        Log(OutcomeStep.Revised, by, now, null);
    }

    public void SubmitForApproval(CaseParticipant by, DateTimeOffset now)
    {
        EnsureHandler(by);
        if (Status != OutcomeStatus.Draft)
            throw new DomainRuleException("Outcomes.Outcome.NotDraft");
        Status = OutcomeStatus.AwaitingApproval;
        SubmittedAt = now;
        Log(OutcomeStep.Submitted, by, now, null);
        Raise(new OutcomeSubmittedForApproval(CaseId, Id));
    }

    public void Approve(Case @case, CaseParticipant by, DateTimeOffset now)
    {
        EnsureHead(by);
        if (!MayBePublished(@case.Kind))
            throw new DomainRuleException("Outcomes.Outcome.ReportNeverPublished");
        if (Status != OutcomeStatus.AwaitingApproval)
            throw new DomainRuleException("Outcomes.Outcome.NotAwaitingApproval");
        if (by.UserId is null || by.UserId == DraftedByUserId)
            throw new ForbiddenException("Outcomes.Outcome.FourEyes");
        if (@case.Status is not (CaseStatus.Resolved or CaseStatus.Closed))
            throw new DomainRuleException("Outcomes.Outcome.CaseNotResolved");
        Status = OutcomeStatus.Published;
        ApprovedByUserId = by.UserId;
        ApprovedByName = by.Name;
        PublishedAt = now;
        UnpublishedAt = null;
        UnpublishReason = null;
        Log(OutcomeStep.Approved, by, now, null);
        Raise(new OutcomeApproved(CaseId, Id));
    }

    /// <summary>The head sends a notice back to its drafter with what to change.</summary>
    public void Return(string note, CaseParticipant by, DateTimeOffset now)
    {
        EnsureHead(by);
        if (Status != OutcomeStatus.AwaitingApproval)
            throw new DomainRuleException("Outcomes.Outcome.NotAwaitingApproval");
        Status = OutcomeStatus.Draft;
        var entry = Log(OutcomeStep.Returned, by, now, note.Trim());
        Raise(new OutcomeReturned(CaseId, Id, entry.Id));
    }

    public void Unpublish(string reason, CaseParticipant by, DateTimeOffset now)
    {
        EnsureHead(by);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("Outcomes.Outcome.UnpublishNeedsReason");
        if (Status != OutcomeStatus.Published)
            throw new DomainRuleException("Outcomes.Outcome.NotPublished");
        Status = OutcomeStatus.Unpublished;
        UnpublishedAt = now;
        UnpublishReason = reason.Trim();
        Log(OutcomeStep.Unpublished, by, now, UnpublishReason);
    }

    /// <summary>
    /// The masking the drafter sees: what of their text the public will not see. The title is plain text; the
    /// body is Markdown, so its masks are escaped and render as typed (138****5678), never as emphasis. Every
    /// page and feed that shows a notice renders this body (ADR 0017).
    /// </summary>
    public static (MaskedText Title, MaskedText Body) Mask(string title, string markdown, ContactDetails contact) =>
        (PersonalDataInText.Mask(title.Trim(), contact), PersonalDataInText.MaskMarkdown(markdown.Trim(), contact));

    private void Write(Case @case, string title, string markdown, CaseParticipant by, DateTimeOffset now)
    {
        var (maskedTitle, maskedBody) = Mask(title, markdown, @case.Contact);
        DraftTitle = title.Trim();
        DraftMarkdown = markdown.Trim();
        PublicTitle = maskedTitle.Text;
        PublicMarkdown = maskedBody.Text;
        DraftedByUserId = by.UserId;
        DraftedByName = by.Name;
        DraftedAt = now;
    }

    private OutcomeHistoryEntry Log(OutcomeStep step, CaseParticipant by, DateTimeOffset now, string? note)
    {
        var entry = new OutcomeHistoryEntry(Id, step, now, by.UserId, by.Name, note);
        _history.Add(entry);
        return entry;
    }

    private static void EnsureHandler(CaseParticipant by)
    {
        if (!by.IsHandler)
            throw new ForbiddenException("Outcomes.Rectification.HandlersOnly");
    }

    private static void EnsureHead(CaseParticipant by)
    {
        if (!by.Is(Actor.DepartmentHead))
            throw new ForbiddenException("Outcomes.Outcome.HeadOnly");
    }
}

/// <summary>One step in an outcome notice's life; never removed (an unpublished notice keeps its story).</summary>
public sealed class OutcomeHistoryEntry
{
    private OutcomeHistoryEntry() { }

    internal OutcomeHistoryEntry(Guid outcomeId, OutcomeStep step, DateTimeOffset at, Guid? byUserId, string byName, string? note)
    {
        OutcomeId = outcomeId;
        Step = step;
        At = at;
        ByUserId = byUserId;
        ByName = byName;
        Note = note;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid OutcomeId { get; private set; }
    public OutcomeStep Step { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public string? Note { get; private set; }
}
