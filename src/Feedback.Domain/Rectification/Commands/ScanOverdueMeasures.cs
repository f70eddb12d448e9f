using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>
/// One batch of the overdue-measure scan (sent by the background scanner as the system): measures whose
/// due date passed undone — a range of the WarnAt index — are warned about once, on the case's timeline and through the outbox.
/// </summary>
public sealed record ScanOverdueMeasures(int BatchSize = ScanOverdueMeasures.DefaultBatchSize) : ICommand<ScanResult>, IAuthorizedMessage
{
    public const int DefaultBatchSize = 50;

    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser;
}

/// <param name="MoreDue">The batch was full: send another.</param>
public sealed record ScanResult(int Handled, bool MoreDue);

public sealed class ScanOverdueMeasuresHandler(FeedbackDbContext db, TimeProvider clock) : ICommandHandler<ScanOverdueMeasures, ScanResult>
{
    public async ValueTask<ScanResult> Handle(ScanOverdueMeasures command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = Math.Max(1, command.BatchSize);
        var due = await db.RectificationMeasures
            .Where(m => m.WarnAt != null && m.WarnAt <= now)
            .OrderBy(m => m.WarnAt)
            .Select(m => m.RectificationId)
            .Take(batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return new ScanResult(0, false);
        var rectifications = await db.Rectifications
            .Include(r => r.Measures)
            .Where(r => due.Contains(r.Id))
            .ToListAsync(cancellationToken);
        // The cases without their timelines: the warning only appends to them.
        var caseIds = rectifications.Select(r => r.CaseId).ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var warned = rectifications.Sum(r => r.WarnOverdue(cases[r.CaseId], now));
        return new ScanResult(warned, due.Count >= batch);
    }
}
