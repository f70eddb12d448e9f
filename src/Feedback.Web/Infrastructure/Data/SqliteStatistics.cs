using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Keeps SQLite's query-planner statistics (sqlite_stat1) up to date: a minute after start, then every hour,
/// <c>PRAGMA optimize</c> analyses the tables whose statistics are missing or stale, reading a sample of each
/// index (analysis_limit) so it takes milliseconds, not the seconds a full ANALYZE of a million cases would.
/// Without statistics SQLite guesses: with "kind = Complaint" in a report filter it took the Kind index (half
/// of all cases) over the month's range, and the filtered dashboard took three times as long.
/// It runs inside a transaction so that it queues on the writer gate like every other write.
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, ILogger<SqliteStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Analyses what needs it now (0x10000: every table, not only those this connection has queried).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize = 0x10002", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Stale statistics only make some plans worse; the next hour tries again.
                    logger.LogWarning("Refreshing the query statistics failed ({Error})", ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
