using System.Threading.Channels;
using Feedback.Domain.Data;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Appends rows off the request path: a request only queues its row (no database work), and one background
/// loop inserts whatever has gathered, up to 500 rows in one transaction. After the first row of a batch
/// arrives the loop waits <c>gatherFor</c> for more, so a busy minute costs a few transactions rather than one
/// per row. On shutdown it writes everything still queued (the web server has stopped taking requests by
/// then: it stops before the other hosted services). A full queue (the database far behind) drops the row
/// and logs it rather than slow requests down; a batch that fails is tried once more, then dropped and logged.
/// <see cref="FlushAsync"/> writes what is queued now (tests, and anyone who must read their own row).
/// </summary>
public abstract class BatchedTableWriter<TEntry>(IServiceScopeFactory scopes, ILogger logger, int capacity, TimeSpan gatherFor)
    : BackgroundService where TEntry : class
{
    private const int BatchSize = 500;

    // Wait mode so that TryWrite says false when full (DropWrite would report true and drop silently).
    private readonly Channel<TEntry> _queue = Channel.CreateBounded<TEntry>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Queues the row; false (and a warning in the log) when the queue is full and the row was dropped.</summary>
    protected bool TryAppend(TEntry entry, string description)
    {
        if (_queue.Writer.TryWrite(entry))
            return true;
        logger.LogWarning("{Writer} queue full: dropped {Row}", GetType().Name, description);
        return false;
    }

    protected abstract void Add(FeedbackDbContext db, IReadOnlyList<TEntry> batch);

    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            while (true)
            {
                var batch = new List<TEntry>(BatchSize);
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry))
                    batch.Add(entry);
                if (batch.Count == 0)
                    return written;
                if (await WriteAsync(batch))
                    written += batch.Count;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (gatherFor > TimeSpan.Zero && _queue.Reader.Count < BatchSize)
                    await Task.Delay(gatherFor, stoppingToken);
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what is queued is written below.
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task<bool> WriteAsync(List<TEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
                Add(db, batch);
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (Exception e) when (attempt == 1)
            {
                logger.LogWarning("{Writer} could not write {Count} rows ({Error}); trying once more", GetType().Name, batch.Count, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Writer} could not write {Count} rows; they are lost", GetType().Name, batch.Count);
                return false;
            }
        }
    }
}
