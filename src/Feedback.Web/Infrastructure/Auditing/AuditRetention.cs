using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// Once a day, deletes the audit lines older than <c>Audit:RetentionDays</c>, oldest first, in batches of
/// <see cref="AuditOptions.PurgeBatchSize"/>, each batch its own short transaction so that the SQLite writer
/// is never held for long. The only code that deletes audit lines.
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, AuditOptions options, TimeProvider clock, ILogger<AuditRetention> logger)
    : PollingService(new WorkSignal(), logger)
{
    protected override bool Enabled => options.PurgeEnabled;
    protected override TimeSpan PollInterval => TimeSpan.FromDays(1);

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.RetentionDays);
        var purged = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // queues on SqliteWriteGate
            var deleted = await db.AuditLog.Where(e => e.At < cutoff).OrderBy(e => e.At).Take(options.PurgeBatchSize).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            purged += deleted;
            if (deleted < options.PurgeBatchSize)
                break;
        }
        if (purged > 0)
            logger.LogInformation("Audit retention: deleted {Count} lines older than {Days} days", purged, options.RetentionDays);
        return purged;
    }
}
