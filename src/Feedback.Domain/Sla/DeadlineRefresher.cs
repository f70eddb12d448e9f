using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Domain.Sla;

/// <summary>
/// Before a save, replays the deadlines of every new case and every case whose clock moved
/// (<see cref="Case.DeadlinesNeedRefresh"/>: a status change, the first contact) on the working calendar.
/// Case methods need no calendar for that, so every command that changes a case — whoever wrote it —
/// stores deadlines, achieved minutes and the next escalation that agree with the timeline.
/// See docs/decisions/0007-deadlines-replayed-before-save.md.
/// </summary>
public sealed class DeadlineRefresher(WorkCalendarSource calendars, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FeedbackDbContext db)
            await RefreshAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Synchronous saves are rare (seeding); the calendar is almost always cached, so this seldom waits.
        if (eventData.Context is FeedbackDbContext db)
            RefreshAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RefreshAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var stale = db.ChangeTracker.Entries<Case>()
            .Where(e => e.State == EntityState.Added || (e.State != EntityState.Deleted && e.Entity.DeadlinesNeedRefresh))
            .ToList();
        if (stale.Count == 0)
            return;
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in stale)
        {
            // The replay reads the whole timeline and every extension: load what the command did not.
            if (entry.State != EntityState.Added)
            {
                if (!entry.Collection(c => c.Events).IsLoaded)
                    await entry.Collection(c => c.Events).LoadAsync(cancellationToken);
                if (!entry.Collection(c => c.Extensions).IsLoaded)
                    await entry.Collection(c => c.Extensions).LoadAsync(cancellationToken);
            }
            entry.Entity.RefreshDeadlines(calendar, now);
        }
    }
}
