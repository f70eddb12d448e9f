using Feedback.Domain.Common;

namespace Feedback.Domain.Sla;

/// <summary>
/// The steps of the escalation ladder (DESIGN §4), in order; a case stores the highest step that fired.
/// Steps only go up: each fires once, and a deadline moved later (an approved extension, a pause) only
/// postpones the steps still to come.
/// </summary>
public enum EscalationLevel
{
    None,
    /// <summary>75 % of the allowed working time used: the assignee (or the department head) is warned.</summary>
    Warned,
    /// <summary>100 %: the case is overdue and the department head is told.</summary>
    Overdue,
    /// <summary>One working day past the deadline: the service centre (dispatchers) is told.</summary>
    Escalated,
}

public static class EscalationLadder
{
    public const int WarningPercent = 75;

    public static readonly IReadOnlyList<EscalationLevel> Steps = [EscalationLevel.Warned, EscalationLevel.Overdue, EscalationLevel.Escalated];

    /// <summary>The step after <paramref name="level"/>, or null at the top.</summary>
    public static EscalationLevel? After(EscalationLevel level) =>
        level < EscalationLevel.Escalated ? level + 1 : null;

    /// <summary>
    /// Running working minutes after receipt at which <paramref name="step"/> is due, for a case allowed
    /// <paramref name="allowedMinutes"/> (its effective target, extensions included).
    /// </summary>
    public static long DueAfterMinutes(EscalationLevel step, long allowedMinutes, long workingDayMinutes) => step switch
    {
        // Rounded up: the warning never comes before three quarters of the time is really gone.
        EscalationLevel.Warned => (allowedMinutes * WarningPercent + 99) / 100,
        EscalationLevel.Overdue => allowedMinutes,
        EscalationLevel.Escalated => allowedMinutes + workingDayMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of the ladder."),
    };
}

/// <summary>
/// A step of the ladder fired on a case: its email goes out through the outbox (exactly once, because the
/// event is stored in the same transaction as the step).
/// </summary>
public sealed record DeadlineEscalated(Guid CaseId, Guid EventId, EscalationLevel Step) : IDomainEvent;
