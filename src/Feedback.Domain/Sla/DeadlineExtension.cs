using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Sla;

public enum ExtensionStatus { Pending, Approved, Refused }

/// <summary>
/// A request for more time on a case's resolution deadline: asked by its handlers with a reason, decided by
/// the head of its department. Approval adds <see cref="WorkingMinutes"/> to the effective deadline; the
/// original one stays as it was (KPIs use it). Part of the <see cref="Case"/> aggregate.
/// </summary>
public sealed class DeadlineExtension
{
    public const int MaxWorkingDays = 30;
    public const int ReasonMaxLength = 2000;

    private DeadlineExtension() { }

    internal DeadlineExtension(Guid caseId, int workingDays, long workingMinutes, string reason, DateTimeOffset resolveByWhenRequested,
        DateTimeOffset proposedResolveBy, CaseActor by, DateTimeOffset now)
    {
        CaseId = caseId;
        WorkingDays = workingDays;
        WorkingMinutes = workingMinutes;
        Reason = reason;
        ResolveByWhenRequested = resolveByWhenRequested;
        ProposedResolveBy = proposedResolveBy;
        RequestedAt = now;
        RequestedByUserId = by.UserId;
        RequestedByName = by.Name;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public int WorkingDays { get; private set; }
    /// <summary>The working days in minutes of the calendar when it was asked for (what approval adds).</summary>
    public long WorkingMinutes { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset ResolveByWhenRequested { get; private set; }
    /// <summary>The deadline the requester was shown: the effective one then, plus the working days.</summary>
    public DateTimeOffset ProposedResolveBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? RequestedByUserId { get; private set; }
    public string RequestedByName { get; private set; } = "";

    public ExtensionStatus Status { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? DecisionNote { get; private set; }

    internal void Decide(bool approve, string? note, CaseActor by, DateTimeOffset now)
    {
        if (Status != ExtensionStatus.Pending)
            throw new DomainRuleException("Deadlines.Extension.AlreadyDecided");
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        DecidedAt = now;
        DecidedByUserId = by.UserId;
        DecidedByName = by.Name;
        DecisionNote = note;
    }
}
