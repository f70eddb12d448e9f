using Feedback.Domain.Api;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Data;

namespace Feedback.Web.Api.Keys;

/// <summary>The API request log, appended in batches off the request path (see <see cref="BatchedTableWriter{TEntry}"/>).</summary>
public sealed class ApiRequestLogWriter(IServiceScopeFactory scopes, ILogger<ApiRequestLogWriter> logger)
    : BatchedTableWriter<ApiRequestLogEntry>(scopes, logger, capacity: 50_000, gatherFor: TimeSpan.Zero)
{
    public void Append(ApiRequestLogEntry entry) =>
        TryAppend(entry, $"{entry.Method} {entry.Path} for key {entry.ApiKeyId}");

    protected override void Add(FeedbackDbContext db, IReadOnlyList<ApiRequestLogEntry> batch) => db.ApiRequestLog.AddRange(batch);
}
