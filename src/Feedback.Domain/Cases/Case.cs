using Feedback.Domain.Common;
using Feedback.Domain.Organisation;

namespace Feedback.Domain.Cases;

/// <summary>
/// 工单: one item of feedback from receipt to closure. Every status change goes through
/// <see cref="Apply"/>, which consults <see cref="CaseTransitions"/>, appends the timeline event and raises
/// <see cref="CaseStatusChanged"/>; nothing outside this class sets <see cref="Status"/>.
/// </summary>
public sealed partial class Case : Entity
{
    public const int SubjectMaxLength = 200;
    public const int DescriptionMaxLength = 5000;
    public const int TextMaxLength = 5000;
    public const int MaxAttachments = 5;

    private readonly List<CaseEvent> _events = [];
    private readonly List<CaseAttachment> _attachments = [];

    private Case() { }

    public string TrackingNumber { get; private set; } = "";
    public string AccessPinHash { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public Channel Channel { get; private set; }
    public Priority Priority { get; private set; }
    public CaseStatus Status { get; private set; }

    public Guid CategoryId { get; private set; }
    public Guid ServiceAreaId { get; private set; }
    /// <summary>The owning department; null while the case waits in the dispatcher's triage queue.</summary>
    public Guid? DepartmentId { get; private set; }
    public Guid? AssigneeId { get; private set; }
    /// <summary>For a misconduct report: the department it accuses, which must never handle or see it.</summary>
    public Guid? AccusedDepartmentId { get; private set; }

    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public bool IsAnonymous { get; private set; }
    public ContactDetails Contact { get; private set; } = ContactDetails.None;
    /// <summary>The signed-in customer or supervisor who filed it, if any.</summary>
    public Guid? SubmitterUserId { get; private set; }
    /// <summary>The dispatcher who filed it on a caller's behalf, if any.</summary>
    public Guid? FiledByUserId { get; private set; }
    /// <summary>The language the submitter used; their emails are written in it.</summary>
    public string Culture { get; private set; } = "zh-CN";

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ContactBy { get; private set; }
    public DateTimeOffset? ResolveBy { get; private set; }
    public Guid? SlaPolicyId { get; private set; }
    public DateTimeOffset? FirstContactedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ResolutionSummary { get; private set; }

    public RejectionReason? RejectionReason { get; private set; }
    /// <summary>For a duplicate: the case that is handled in its place.</summary>
    public Guid? MasterCaseId { get; private set; }
    public int ReopenCount { get; private set; }
    /// <summary>How often a department sent it back as "not ours" (counted against routing quality).</summary>
    public int ReturnCount { get; private set; }

    public IReadOnlyList<CaseEvent> Events => _events;
    public IReadOnlyList<CaseAttachment> Attachments => _attachments;

    public bool IsOpen => CaseTransitions.IsOpen(Status);

    public static Case Submit(NewCase details, string trackingNumber, string accessPin, DateTimeOffset now)
    {
        var @case = new Case
        {
            TrackingNumber = trackingNumber,
            Kind = details.Kind,
            Channel = details.Channel,
            Priority = Priority.Normal,
            Status = CaseStatus.Submitted,
            CategoryId = details.CategoryId,
            ServiceAreaId = details.ServiceAreaId,
            AccusedDepartmentId = details.Kind == CaseKind.Report ? details.AccusedDepartmentId : null,
            Subject = details.Subject.Trim(),
            Description = details.Description.Trim(),
            IsAnonymous = details.IsAnonymous,
            // Anonymous means we keep no name, address or account number; an email or phone, if given, is
            // kept only so that the receipt and updates can reach the person.
            Contact = details.IsAnonymous
                ? details.Contact with { Name = null, Address = null, CustomerNumber = null }
                : details.Contact,
            SubmitterUserId = details.SubmitterUserId,
            FiledByUserId = details.FiledByUserId,
            Culture = details.Culture,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        @case.AccessPinHash = AccessPin.Hash(@case.Id, accessPin);
        @case.KeepContactKeys();
        var by = details.FiledByUserId is not null
            ? new CaseActor(details.FiledByUserId, details.FiledByName ?? "", Actor.Dispatcher)
            : new CaseActor(details.SubmitterUserId, details.IsAnonymous ? "" : details.Contact.Name ?? "", Actor.Submitter);
        @case._events.Add(new CaseEvent(@case.Id, now, CaseEventType.Submitted, by, isPublic: true, text: null));
        @case.Raise(new CaseSubmitted(@case.Id, accessPin));
        return @case;
    }

    public bool HasPin(string? pin) => pin is not null && AccessPin.Verify(Id, pin, AccessPinHash);

    /// <summary>
    /// Sets the deadlines, once, at submission: the clock runs from receipt, so a case that waits in triage
    /// or bounces back there keeps its first deadlines.
    /// </summary>
    public void HoldTo(CaseDeadlines deadlines)
    {
        if (ResolveBy is not null)
            throw new DomainRuleException("Case.DeadlinesAlreadySet");
        ContactBy = deadlines.ContactBy;
        ResolveBy = deadlines.ResolveBy;
        SlaPolicyId = deadlines.PolicyId;
    }

    /// <summary>Send to a department (on submission by the rules, or by hand from triage).</summary>
    /// <remarks>It takes the department itself, not its id, so that <see cref="CaseCustody"/> can tell the Integrity office.</remarks>
    public void Route(Department department, Priority priority, CaseParticipant by, DateTimeOffset now, string? note = null)
    {
        CaseCustody.EnsureMayHold(department, Kind, AccusedDepartmentId);
        Apply(CaseAction.Route, by, now, note, isPublic: false);
        DepartmentId = department.Id;
        Priority = priority;
    }

    /// <summary>
    /// Names who in the department should take the case (automatic assignment, <see cref="StaffAssignment"/>).
    /// The status stays Assigned until someone accepts; the department head can still give it to another.
    /// </summary>
    public void Designate(Guid assigneeId)
    {
        if (Status != CaseStatus.Assigned || DepartmentId is null)
            throw new InvalidOperationException($"Only a case assigned to a department can be designated to a person (status {Status}).");
        AssigneeId = assigneeId;
    }

    public void Reassign(Department department, Guid? assigneeId, CaseParticipant by, DateTimeOffset now, string? reason)
    {
        CaseCustody.EnsureMayHold(department, Kind, AccusedDepartmentId);
        Apply(CaseAction.Reassign, by, now, reason, isPublic: false);
        DepartmentId = department.Id;
        AssigneeId = assigneeId;
    }

    public void ReturnToDispatcher(string reason, CaseParticipant by, DateTimeOffset now)
    {
        CaseCustody.EnsureMayHold(null, Kind, AccusedDepartmentId);
        Apply(CaseAction.ReturnToDispatcher, by, now, reason, isPublic: false);
        DepartmentId = null;
        AssigneeId = null;
        ReturnCount++;
    }

    public void Accept(CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.Accept, by, now, null, isPublic: true);
        AssigneeId = by.UserId;
    }

    public void RequestInformation(string question, CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.RequestInfo, by, now, question, isPublic: true);
        FirstContactedAt ??= now;
    }

    public void ProvideInformation(string answer, CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.ProvideInfo, by, now, answer, isPublic: true);
        // The submitter's own answer is a message for whoever handles the case; staff recording an answer
        // given by phone (RecordInformation) are that person already.
        if (_events[^1].ActorCapacity == Actor.Submitter)
            Raise(new SubmitterMessageAdded(Id, _events[^1].Id));
    }

    public void Resolve(string summary, CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.Resolve, by, now, summary, isPublic: true);
        ResolutionSummary = summary;
        ResolvedAt = now;
        FirstContactedAt ??= now;
    }

    public void ConfirmResolution(string? comment, CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.ConfirmResolution, by, now, comment, isPublic: true);
        ClosedAt = now;
    }

    public void RejectResolution(string reason, CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.RejectResolution, by, now, reason, isPublic: true);
        ReopenCount++;
    }

    public void Resume(CaseParticipant by, DateTimeOffset now)
    {
        Apply(CaseAction.Resume, by, now, null, isPublic: true);
        AssigneeId ??= by.UserId;
    }

    /// <summary>Closes a resolved case nobody answered (7 days, or after a survey answer).</summary>
    public void AutoClose(string reason, DateTimeOffset now)
    {
        Apply(CaseAction.AutoClose, CaseParticipant.System, now, reason, isPublic: true);
        ClosedAt = now;
    }

    public void Reject(RejectionReason reason, string? note, Guid? masterCaseId, CaseParticipant by, DateTimeOffset now)
    {
        if (reason == Cases.RejectionReason.Duplicate && masterCaseId is null)
            throw new DomainRuleException("Case.DuplicateNeedsMaster");
        if (masterCaseId == Id)
            throw new DomainRuleException("Case.DuplicateOfItself");
        Apply(CaseAction.Reject, by, now, note, isPublic: true);
        RejectionReason = reason;
        MasterCaseId = reason == Cases.RejectionReason.Duplicate ? masterCaseId : null;
        ClosedAt = now;
    }

    /// <summary>An internal note: seen by those who handle the case, never by the submitter.</summary>
    public CaseEvent AddInternalNote(string text, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.IsHandler && !by.Is(Actor.Dispatcher))
            throw new ForbiddenException("Case.ActorNotAllowed");
        return Append(CaseEventType.InternalNote, by.Principal(), now, text, isPublic: false);
    }

    /// <summary>A reply the submitter sees (and is emailed). Counts as first contact.</summary>
    public CaseEvent PostPublicReply(string text, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.IsHandler && !by.Is(Actor.Dispatcher))
            throw new ForbiddenException("Case.ActorNotAllowed");
        if (!IsOpen)
            throw new DomainRuleException("Case.IsClosed");
        if (FirstContactedAt is null)
        {
            FirstContactedAt = now;
            _deadlinesStale = true;
        }
        var reply = Append(CaseEventType.PublicReply, by.Principal(), now, text, isPublic: true);
        Raise(new PublicReplyPosted(Id, reply.Id));
        return reply;
    }

    /// <summary>
    /// The submitter writes to an open case. While a question waits it is the answer (AwaitingInfo → InProgress);
    /// otherwise a public message on the timeline for the handlers to read.
    /// </summary>
    public CaseEvent AddSubmitterMessage(string text, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.Is(Actor.Submitter))
            throw new ForbiddenException();
        if (!IsOpen)
            throw new DomainRuleException("Case.ClosedToMessages");
        if (Status == CaseStatus.AwaitingInfo)
        {
            ProvideInformation(text, by, now);
            return _events[^1];
        }
        var entry = Append(CaseEventType.SubmitterMessage, new CaseActor(by.UserId, by.Name, Actor.Submitter), now, text, isPublic: true);
        // Whoever handles the case hears of it, whichever door the message came through (web, Open311).
        Raise(new SubmitterMessageAdded(Id, entry.Id));
        return entry;
    }

    public CaseAttachment AddAttachment(string fileName, string contentType, long sizeBytes, string storageKey, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.CanSee)
            throw new ForbiddenException();
        if (_attachments.Count >= MaxAttachments)
            throw new DomainRuleException("Case.TooManyAttachments", MaxAttachments);
        var attachment = new CaseAttachment(Id, fileName, contentType, sizeBytes, storageKey, by.UserId, now);
        _attachments.Add(attachment);
        Append(CaseEventType.AttachmentAdded, by.Principal(), now, fileName, isPublic: !by.IsHandler || by.Is(Actor.Submitter));
        return attachment;
    }

    /// <summary>The status-changing actions this participant may take now (the buttons a page shows).</summary>
    public IReadOnlyList<CaseAction> AvailableActions(CaseParticipant who) =>
        CaseTransitions.AvailableTo(Status, who.Capacities)
            .Where(action => action != CaseAction.ReturnToDispatcher || CaseCustody.MayReturnToTriage(Kind))
            .ToList();

    private void Apply(CaseAction action, CaseParticipant by, DateTimeOffset now, string? text, bool isPublic)
    {
        var transition = CaseTransitions.Find(Status, action)
            ?? throw new DomainRuleException("Case.TransitionNotAllowed", action, Status);
        var actor = by.ActingFor(transition);
        var from = Status;
        Status = transition.To;
        _deadlinesStale = true;
        var entry = Append(CaseEventType.StatusChanged, actor, now, text, isPublic, action, from, transition.To);
        Raise(new CaseStatusChanged(Id, entry.Id, action, from, transition.To));
    }

    private CaseEvent Append(CaseEventType type, CaseActor actor, DateTimeOffset now, string? text, bool isPublic,
        CaseAction? action = null, CaseStatus? from = null, CaseStatus? to = null)
    {
        var entry = new CaseEvent(Id, now, type, actor, isPublic, text, action, from, to);
        _events.Add(entry);
        UpdatedAt = now;
        return entry;
    }
}

/// <summary>What a submitter (or a dispatcher for a caller) provides when filing.</summary>
public sealed record NewCase(
    CaseKind Kind,
    Channel Channel,
    Guid CategoryId,
    Guid ServiceAreaId,
    string Subject,
    string Description,
    bool IsAnonymous,
    ContactDetails Contact,
    string Culture,
    Guid? SubmitterUserId = null,
    Guid? FiledByUserId = null,
    string? FiledByName = null,
    Guid? AccusedDepartmentId = null);

/// <summary>The deadlines a case is held to, as chosen by an SLA policy on the working calendar.</summary>
public sealed record CaseDeadlines(DateTimeOffset ContactBy, DateTimeOffset ResolveBy, Guid? PolicyId);
