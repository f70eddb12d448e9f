using Mediator;

namespace Feedback.Domain.Auditing;

/// <summary>
/// A command or query that the audit log records: the one place a message declares it. The audit behavior
/// asks it, after it succeeded (and, for a command, was saved), what to record for its response; null records
/// nothing (e.g. a case view whose contact details were masked).
/// </summary>
public interface IAudited<in TResponse> : IMessage
{
    AuditNote? Audit(TResponse response);
}

/// <summary>Where audit notes go. The web edge stamps who, when and from where, and queues the line.</summary>
public interface IAuditTrail
{
    void Record(AuditNote note);
}
