using System.Threading.Channels;
using Feedback.Domain.Api;
using Feedback.Domain.Data;

namespace Feedback.Web.Api.Keys;

/// <summary>
/// Appends the API request log in batches off the request path: a request only queues its line, and one
/// background loop inserts whatever has gathered in one transaction. A full queue (the database far behind)
/// drops lines and says so in the app log rather than slow the API down.
/// </summary>
public sealed class ApiRequestLogWriter(IServiceScopeFactory scopes, ILogger<ApiRequestLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<ApiRequestLogEntry> _queue = Channel.CreateBounded<ApiRequestLogEntry>(
        new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Append(ApiRequestLogEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
            logger.LogWarning("API request log queue full: dropped {Method} {Path} for key {KeyId}", entry.Method, entry.Path, entry.ApiKeyId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
                await WriteBatchAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what is queued is written below.
        }
        while (_queue.Reader.Count > 0)
            await WriteBatchAsync(CancellationToken.None);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ApiRequestLogEntry>(BatchSize);
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry))
            batch.Add(entry);
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.ApiRequestLog.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not write {Count} API request log lines", batch.Count);
        }
    }
}
