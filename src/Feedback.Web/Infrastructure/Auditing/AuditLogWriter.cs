using Feedback.Domain.Auditing;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Data;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// Writes the audit log in batches off the request path (see <see cref="BatchedTableWriter{TEntry}"/>): an
/// audited request only queues its line. What a crash (kill -9) can lose: the lines queued in the last
/// <see cref="AuditOptions.WriteDelay"/> (ADR 0021).
/// </summary>
public sealed class AuditLogWriter(IServiceScopeFactory scopes, AuditOptions options, ILogger<AuditLogWriter> logger)
    : BatchedTableWriter<AuditEntry>(scopes, logger, capacity: 100_000, gatherFor: options.WriteDelay)
{
    public void Append(AuditEntry entry) =>
        TryAppend(entry, $"{entry.Action} {entry.TargetId} by {entry.ActorUserId?.ToString() ?? entry.ActorName}");

    protected override void Add(FeedbackDbContext db, IReadOnlyList<AuditEntry> batch) => db.AuditLog.AddRange(batch);
}
