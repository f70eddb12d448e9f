namespace Feedback.Domain.Cases;

/// <summary>
/// One line of a case's timeline: who did what, when, and whether the customer sees it.
/// Append-only; the timeline is the history that deadlines and reports are replayed from.
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent() { }

    internal CaseEvent(Guid caseId, DateTimeOffset at, CaseEventType type, CaseActor by, bool isPublic, string? text,
        CaseAction? action = null, CaseStatus? fromStatus = null, CaseStatus? toStatus = null)
    {
        CaseId = caseId;
        At = at;
        Type = type;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        ActorCapacity = by.Capacity;
        IsPublic = isPublic;
        Text = text;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public CaseEventType Type { get; private set; }
    public CaseAction? Action { get; private set; }
    public CaseStatus? FromStatus { get; private set; }
    public CaseStatus? ToStatus { get; private set; }
    public Guid? ActorUserId { get; private set; }
    /// <summary>The actor's display name when the event was written (names change; history does not).</summary>
    public string ActorName { get; private set; } = "";
    public Actor ActorCapacity { get; private set; }
    /// <summary>Public events are shown to the submitter; internal ones only to those who handle the case.</summary>
    public bool IsPublic { get; private set; }
    public string? Text { get; private set; }

    /// <summary>Privacy only (account deletion, retention): the history stays, the person's name goes.</summary>
    internal void ForgetActorName() => ActorName = "";

    /// <summary>Privacy only (retention): the same text with its personal data masked.</summary>
    internal void MaskText(Func<string?, string?> mask) => Text = mask(Text);
}

/// <summary>Who is acting on a case and in what capacity (see <see cref="Actor"/>).</summary>
public sealed record CaseActor(Guid? UserId, string Name, Actor Capacity)
{
    public static readonly CaseActor System = new(null, "System", Actor.System);
}
