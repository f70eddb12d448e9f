using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>The admin's list of keys with their use in the last day, and the most recent requests.</summary>
public sealed record ListApiKeys(int RecentRequests = 50) : IQuery<ApiKeysOverview>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record ApiKeysOverview(IReadOnlyList<ApiKeyRow> Keys, IReadOnlyList<ApiRequestRow> Recent);

public sealed record ApiKeyRow(
    Guid Id, string Name, string Prefix, ApiScopes Scopes, string? ActingUserEmail, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    int RequestsLastDay, DateTimeOffset? LastUsedAt);

public sealed record ApiRequestRow(string KeyName, DateTimeOffset At, string Method, string Path, int Status);

public sealed class ListApiKeysHandler(FeedbackDbContext db, TimeProvider clock) : IQueryHandler<ListApiKeys, ApiKeysOverview>
{
    public async ValueTask<ApiKeysOverview> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        // Per-key aggregates are correlated subqueries on the (ApiKeyId, At) index: one round trip for the list.
        var keys = await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(
                k.Id, k.Name, k.Prefix, k.Scopes,
                db.Users.Where(u => u.Id == k.ActingUserId).Select(u => u.Email).FirstOrDefault(),
                k.CreatedAt, k.RevokedAt,
                db.ApiRequestLog.Count(e => e.ApiKeyId == k.Id && e.At >= since),
                db.ApiRequestLog.Where(e => e.ApiKeyId == k.Id).OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var recent = await db.ApiRequestLog.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Take(Math.Clamp(query.RecentRequests, 1, 200))
            .Join(db.ApiKeys, e => e.ApiKeyId, k => k.Id, (e, k) => new ApiRequestRow(k.Name, e.At, e.Method, e.Path, e.Status))
            .ToListAsync(cancellationToken);
        return new ApiKeysOverview(keys, recent);
    }
}
