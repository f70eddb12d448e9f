using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Auditing.Queries;

/// <summary>
/// The admin's search of the audit log, newest first, paged in SQL. <see cref="Actor"/> is an account id, or
/// the start of the name shown (an index range on (ActorName, At); an API key's lines read "person (key)"); <see cref="Target"/> is the
/// exact id or tracking number acted on; <see cref="From"/> (inclusive) and <see cref="Until"/> (exclusive)
/// bound the time. With <see cref="All"/> it returns every match up to <see cref="ExportMaxRows"/> (the CSV).
/// </summary>
public sealed record SearchAuditLog(
    string? Actor = null, AuditAction? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? Until = null,
    int Page = 1, int PageSize = SearchAuditLog.DefaultPageSize, bool All = false)
    : IQuery<PagedList<AuditEntry>>, IAuthorizedMessage, IValidate
{
    public const int DefaultPageSize = 50;
    public const int ExportMaxRows = 100_000;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Optional(Actor, nameof(Actor), AuditEntry.ActorNameMaxLength)) yield return e;
        foreach (var e in Check.Optional(Target, nameof(Target), AuditEntry.TargetMaxLength)) yield return e;
        if (Action is { } action) foreach (var e in Check.Defined(action, nameof(Action))) yield return e;
        if (From is not null && Until is not null && Until <= From) yield return new(nameof(Until), "Audit.Search.UntilBeforeFrom");
        foreach (var e in Paging.Validate(Page, PageSize)) yield return e;
    }
}

public sealed class SearchAuditLogHandler(FeedbackDbContext db) : IQueryHandler<SearchAuditLog, PagedList<AuditEntry>>
{
    public async ValueTask<PagedList<AuditEntry>> Handle(SearchAuditLog query, CancellationToken cancellationToken)
    {
        var matching = Matching(db, query);
        var ordered = matching.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
        if (query.All)
        {
            var all = await ordered.Take(SearchAuditLog.ExportMaxRows).ToListAsync(cancellationToken);
            return new PagedList<AuditEntry>(all, 1, Math.Max(1, all.Count), all.Count);
        }
        var total = await matching.CountAsync(cancellationToken);
        var items = await ordered.Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AuditEntry>(items, query.Page, query.PageSize, total);
    }

    /// <summary>The lines the search matches, unordered (public for the query-plan test).</summary>
    public static IQueryable<AuditEntry> Matching(FeedbackDbContext db, SearchAuditLog query)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            if (Guid.TryParse(actor, out var id))
                entries = entries.Where(e => e.ActorUserId == id);
            else
            {
                // A prefix as a range, so that SQLite walks the (ActorName, At) index instead of scanning.
                var upper = actor + char.MaxValue;
                entries = entries.Where(e => string.Compare(e.ActorName, actor) >= 0 && string.Compare(e.ActorName, upper) < 0);
            }
        }
        if (query.Action is { } action)
            entries = entries.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = Guid.TryParse(query.Target.Trim(), out var targetId) ? targetId.ToString() : query.Target.Trim();
            entries = entries.Where(e => e.TargetId == target);
        }
        if (query.From is { } from)
            entries = entries.Where(e => e.At >= from);
        if (query.Until is { } until)
            entries = entries.Where(e => e.At < until);
        return entries;
    }
}
