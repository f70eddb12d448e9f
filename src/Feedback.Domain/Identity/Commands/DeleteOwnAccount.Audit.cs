using Feedback.Domain.Auditing;

namespace Feedback.Domain.Identity.Commands;

// Kept beside the command so that the deletion's own file stays about deletion.
public sealed partial record DeleteOwnAccount : IAudited<Guid>
{
    public AuditNote? Audit(Guid id) => new(AuditAction.AccountDelete, id);
}
