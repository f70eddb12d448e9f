using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Commands;

/// <summary>
/// One batch of the escalation scan (the background scanner sends it, as the system, until nothing is
/// left): the open cases whose next ladder step is due — a range query on the NextEscalationAt index — get
/// every step due by now, in order, each once, on their timeline and through the outbox.
/// </summary>
public sealed record ScanDeadlines(int BatchSize = ScanDeadlines.DefaultBatchSize) : ICommand<DeadlineScanResult>, IAuthorizedMessage
{
    public const int DefaultBatchSize = 50;

    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser;
}

/// <param name="MoreDue">The batch was full: send another.</param>
public sealed record DeadlineScanResult(int CasesChecked, int StepsFired, bool MoreDue);

public sealed class ScanDeadlinesHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock)
    : ICommandHandler<ScanDeadlines, DeadlineScanResult>
{
    public async ValueTask<DeadlineScanResult> Handle(ScanDeadlines command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Cases
            .Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now)
            .OrderBy(c => c.NextEscalationAt)
            .Select(c => c.Id)
            .Take(Math.Max(1, command.BatchSize))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return new DeadlineScanResult(0, 0, false);

        var cases = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.Extensions)
            .AsSplitQuery()
            .Where(c => due.Contains(c.Id))
            .ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        // Escalate leaves each case's next step after now (or none), so no case comes back in this scan.
        var fired = cases.Sum(@case => @case.Escalate(calendar, now).Count);
        return new DeadlineScanResult(cases.Count, fired, due.Count >= command.BatchSize);
    }
}
