using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Copies the write-ahead log back into the database file every quarter second, outside the writer gate.
/// Left to SQLite, the commit that pushes the log past its limit does this checkpoint itself — two fsyncs
/// and a burst of page writes while it holds <see cref="SqliteWriteGate"/>, so every waiting writer waits
/// for the disk too. A PASSIVE checkpoint takes no writer lock: commits go on while it runs.
/// Real time, not <see cref="TimeProvider"/>: this paces the disk, not business rules. See docs/decisions/0016.
/// </summary>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Checkpoints what it can now without waiting for anyone.</summary>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        // One row: busy (0/1), frames in the log, frames copied into the file.
        var result = await db.Database.SqlQueryRaw<CheckpointResult>("PRAGMA wal_checkpoint(PASSIVE)").ToListAsync(cancellationToken);
        return result.Single();
    }

    /// <summary>After failures, ticks are skipped, doubling up to this many (30 s): a full disk must not flood the log.</summary>
    private const int MaxTicksBetweenFailedTries = 120;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var failures = 0;
        var skip = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                try
                {
                    await CheckpointAsync(stoppingToken);
                    if (failures > 0)
                        logger.LogInformation("WAL checkpoint works again after {Failures} failed tries", failures);
                    failures = 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Commits still checkpoint by themselves past wal_autocheckpoint, so nothing is lost by waiting.
                    failures++;
                    skip = Math.Min(MaxTicksBetweenFailedTries, 1 << Math.Min(failures, 7)) - 1;
                    if (int.IsPow2(failures))
                        logger.LogWarning("WAL checkpoint failed ({Error}, {Failures} times in a row); next try in {Delay}",
                            ex.GetType().Name, failures, Interval * (skip + 1));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>What <c>PRAGMA wal_checkpoint</c> answers (its column names): whether a reader or writer kept it
/// from finishing, how many frames the log holds, and how many of them are now in the database file.</summary>
#pragma warning disable IDE1006
public sealed record CheckpointResult(int busy, long log, long checkpointed);
#pragma warning restore IDE1006
