using Feedback.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// Refuses any SaveChanges that would change or remove an audit line: the app only ever adds them. (The
/// database refuses UPDATE too, by a trigger; old lines leave only through <see cref="AuditRetention"/>.)
/// </summary>
public sealed class AppendOnlyAuditLog : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: its lines are never changed or deleted.");
    }
}
