using Feedback.Domain.Common;
using Feedback.Domain.Sla;

namespace Feedback.Domain.Cases;

/// <summary>
/// The case's deadlines (DESIGN §4). <see cref="ContactBy"/> and <see cref="ResolveBy"/> are the effective
/// deadlines; everything here is stored so that queues, the scan and reports read it with plain indexed
/// queries, and everything is recomputed by <see cref="RefreshDeadlines"/> from the timeline (the
/// <see cref="DeadlineReplay"/>), never adjusted step by step. Anything that moves the clock marks the case,
/// and the deadline refresher replays it on the working calendar before it is saved.
/// </summary>
public sealed partial class Case
{
    private readonly List<DeadlineExtension> _extensions = [];
    private bool _deadlinesStale;

    /// <summary>The policy's targets in working minutes, fixed when the deadlines were first set.</summary>
    public long? ContactTargetMinutes { get; private set; }
    public long? ResolveTargetMinutes { get; private set; }
    /// <summary>Resolution due without extensions (target plus pauses): what KPIs hold the case to.</summary>
    public DateTimeOffset? OriginalResolveBy { get; private set; }
    /// <summary>Working minutes the clock stood still (AwaitingInfo, and resolved before a reopening).</summary>
    public long PausedWorkingMinutes { get; private set; }
    /// <summary>Running working minutes from receipt to first contact, stored when it happened.</summary>
    public long? AchievedContactMinutes { get; private set; }
    /// <summary>Contact target minus achieved minutes: negative means the contact deadline was missed.</summary>
    public long? ContactDifferenceMinutes { get; private set; }
    /// <summary>Running working minutes from receipt to the latest resolution.</summary>
    public long? AchievedResolveMinutes { get; private set; }
    /// <summary>Resolution target (without extensions) minus achieved minutes: negative is a breach.</summary>
    public long? ResolveDifferenceMinutes { get; private set; }

    /// <summary>The highest step of the escalation ladder that fired (each fires once).</summary>
    public EscalationLevel EscalationLevel { get; private set; }
    public DateTimeOffset? WarnedAt { get; private set; }
    /// <summary>When the case was found overdue (the ladder's second step). Overdue is a fact, not a status.</summary>
    public DateTimeOffset? OverdueAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    /// <summary>When the next step of the ladder is due; null while the clock stands still or nothing is left.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public IReadOnlyList<DeadlineExtension> Extensions => _extensions;

    public bool IsOverdue => OverdueAt is not null;

    /// <summary>Something moved the clock since the deadlines were last replayed.</summary>
    public bool DeadlinesNeedRefresh => _deadlinesStale;

    /// <summary>The timeline's facts the deadlines follow from; null for a case held to no policy.</summary>
    public DeadlineInputs? DeadlineInputs() =>
        ContactTargetMinutes is { } contact && ResolveTargetMinutes is { } resolve
            ? new DeadlineInputs(SubmittedAt, contact, resolve, DeadlineReplay.Stops(_events),
                _extensions.Where(e => e.Status == ExtensionStatus.Approved).Sum(e => e.WorkingMinutes),
                FirstContactedAt, ResolvedAt)
            : null;

    /// <summary>
    /// Replays the timeline on <paramref name="calendar"/> and stores the effective and original deadlines,
    /// the paused and achieved minutes and when the next escalation step is due.
    /// </summary>
    public void RefreshDeadlines(WorkCalendar calendar, DateTimeOffset now)
    {
        _deadlinesStale = false;
        // The targets are what the deadlines set at receipt (HoldTo) amount to, taken before anything moves them.
        if (ResolveTargetMinutes is null && ContactBy is { } contactBy && ResolveBy is { } resolveBy)
        {
            ContactTargetMinutes = calendar.WorkingMinutesBetween(SubmittedAt, contactBy);
            ResolveTargetMinutes = calendar.WorkingMinutesBetween(SubmittedAt, resolveBy);
        }
        if (DeadlineInputs() is not { } inputs)
        {
            NextEscalationAt = null;
            return;
        }
        var replay = DeadlineReplay.Replay(inputs, calendar, now);
        ContactBy = replay.ContactBy;
        OriginalResolveBy = replay.OriginalResolveBy;
        ResolveBy = replay.ResolveBy;
        PausedWorkingMinutes = replay.PausedWorkingMinutes;
        AchievedContactMinutes = replay.AchievedContactMinutes;
        ContactDifferenceMinutes = inputs.ContactTargetMinutes - replay.AchievedContactMinutes;
        AchievedResolveMinutes = replay.AchievedResolveMinutes;
        ResolveDifferenceMinutes = inputs.ResolveTargetMinutes - replay.AchievedResolveMinutes;
        NextEscalationAt = EscalationLadder.After(EscalationLevel) is { } next ? StepDueAt(next, inputs, calendar) : null;
    }

    /// <summary>
    /// Fires every step of the ladder that is due by <paramref name="now"/>, in order and each once: after
    /// the scanner was stopped for a while, a case that passed 75 % and 100 % meanwhile gets both steps now.
    /// Returns the steps fired.
    /// </summary>
    public IReadOnlyList<EscalationLevel> Escalate(WorkCalendar calendar, DateTimeOffset now)
    {
        RefreshDeadlines(calendar, now);
        var fired = new List<EscalationLevel>();
        while (NextEscalationAt is { } due && due <= now && EscalationLadder.After(EscalationLevel) is { } step)
        {
            // Steps fired in one scan share the instant; a tick apart keeps them in order on the timeline.
            var at = now.AddTicks(fired.Count);
            var entry = Append(StepEvent(step), CaseActor.System, at, text: null, isPublic: false);
            EscalationLevel = step;
            switch (step)
            {
                case EscalationLevel.Warned: WarnedAt = at; break;
                case EscalationLevel.Overdue: OverdueAt = at; break;
                default: EscalatedAt = at; break;
            }
            Raise(new DeadlineEscalated(Id, entry.Id, step));
            fired.Add(step);
            NextEscalationAt = EscalationLadder.After(step) is { } next ? StepDueAt(next, DeadlineInputs()!, calendar) : null;
        }
        return fired;
    }

    /// <summary>
    /// Handlers ask the department head for <paramref name="workingDays"/> more working days on the
    /// resolution deadline. One request at a time; the reason is on the (internal) timeline.
    /// </summary>
    public DeadlineExtension RequestExtension(int workingDays, string reason, WorkCalendar calendar, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.IsHandler)
            throw new ForbiddenException("Case.ActorNotAllowed");
        if (!IsOpen || Status == CaseStatus.Resolved)
            throw new DomainRuleException("Deadlines.Extension.NotOpen");
        if (ResolveBy is not { } resolveBy)
            throw new DomainRuleException("Deadlines.Extension.NoDeadline");
        if (_extensions.Any(e => e.Status == ExtensionStatus.Pending))
            throw new DomainRuleException("Deadlines.Extension.AlreadyPending");
        if (workingDays is < 1 or > DeadlineExtension.MaxWorkingDays)
            throw new DomainRuleException("Deadlines.Extension.Days", 1, DeadlineExtension.MaxWorkingDays);

        var actor = by.Principal();
        var extension = new DeadlineExtension(Id, workingDays, workingDays * calendar.StandardDayMinutes, reason, resolveBy,
            calendar.AddWorkingDays(resolveBy, workingDays), actor, now);
        _extensions.Add(extension);
        Append(CaseEventType.ExtensionRequested, actor, now, reason, isPublic: false);
        return extension;
    }

    /// <summary>The head of the case's department approves (the effective deadline moves) or refuses.</summary>
    public void DecideExtension(Guid extensionId, bool approve, string? note, WorkCalendar calendar, CaseParticipant by, DateTimeOffset now)
    {
        if (!by.Is(Actor.DepartmentHead))
            throw new ForbiddenException("Deadlines.Extension.HeadOnly");
        var extension = _extensions.FirstOrDefault(e => e.Id == extensionId) ?? throw new NotFoundException();
        var actor = new CaseActor(by.UserId, by.Name, Actor.DepartmentHead);
        extension.Decide(approve, note, actor, now);
        Append(approve ? CaseEventType.ExtensionApproved : CaseEventType.ExtensionRefused, actor, now, note, isPublic: false);
        if (approve)
            RefreshDeadlines(calendar, now);
    }

    /// <summary>The timeline entry a step of the ladder writes.</summary>
    public static CaseEventType StepEvent(EscalationLevel step) => step switch
    {
        EscalationLevel.Warned => CaseEventType.DeadlineWarning,
        EscalationLevel.Overdue => CaseEventType.DeadlineOverdue,
        EscalationLevel.Escalated => CaseEventType.DeadlineEscalated,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of the ladder."),
    };

    /// <summary>When <paramref name="step"/> is due: only while the clock runs, measured on the effective target.</summary>
    private DateTimeOffset? StepDueAt(EscalationLevel step, DeadlineInputs inputs, WorkCalendar calendar)
    {
        if (!DeadlineReplay.ClockRunning.Contains(Status))
            return null;
        var allowed = inputs.ResolveTargetMinutes + inputs.ApprovedExtensionMinutes;
        return new DeadlineClock(calendar, SubmittedAt, inputs.Stops)
            .Due(EscalationLadder.DueAfterMinutes(step, allowed, calendar.StandardDayMinutes));
    }
}
