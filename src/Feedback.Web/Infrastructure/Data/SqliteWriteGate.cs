using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Lets one transaction at a time write to the SQLite file from this process. SQLite has a single writer
/// lock; without this gate, concurrent requests all start <c>BEGIN IMMEDIATE</c>, the losers sleep in
/// SQLite's busy handler (back-off up to 100 ms a try) and throughput collapses under load. Waiting on an
/// in-process semaphore instead hands the lock over the moment it is free, in arrival order.
/// The gate is taken when a transaction starts (SaveChanges' own or an explicit one, so a multi-step
/// transaction holds it throughout) and given back when it commits, rolls back or fails — or, for a
/// transaction disposed without either, when its connection closes. Reads never take it (WAL lets them
/// run beside the writer). See docs/decisions/0010-one-writer-gate-for-sqlite.md.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>EF's ids of the connections that hold the gate now (one per context).</summary>
    private readonly ConcurrentDictionary<Guid, byte> _holders = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        _writer.Wait();
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an early return inside `using`) is rolled back by
    // SQLite when its connection goes back to the pool; EF reports no transaction event for it, so the
    // connection's closing is the last moment to give the gate back.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _))
            _writer.Release();
    }
}
