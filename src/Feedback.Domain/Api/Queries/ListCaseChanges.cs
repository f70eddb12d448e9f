using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>
/// The hotline system's change feed: timeline entries of the cases this user may see, oldest first, after a
/// cursor. The cursor is the last entry's time in UTC ticks; a page never ends inside a group of entries
/// with the same time (a filing writes several), so resuming after the cursor skips nothing and repeats
/// nothing. Entries newer than <see cref="Before"/> are held back so that a transaction that took its time
/// just before committing still lands behind the cursor.
/// </summary>
public sealed record ListCaseChanges(long After, int Limit, DateTimeOffset Before) : IQuery<CaseChangesPage>, IAuthorizedMessage, IValidate
{
    public const int MaxLimit = 500;

    public bool IsAuthorizedFor(ICurrentUser user) => CaseAccess.WorksCases(user);

    public IEnumerable<ValidationError> Validate()
    {
        // A cursor is a UTC tick count this API handed out: anything else (negative, past year 9999) is not one.
        if (After < 0 || After > DateTimeOffset.MaxValue.UtcTicks) yield return new("after", "Validation.Invalid");
        if (Limit is < 1 or > MaxLimit) yield return new("limit", "Api.V1.LimitRange", MaxLimit);
    }
}

/// <param name="Cursor">Pass as <c>after</c> for the next page; unchanged when there was nothing new.</param>
public sealed record CaseChangesPage(IReadOnlyList<CaseChange> Changes, long Cursor, bool HasMore);

/// <param name="ActorName">Empty for the submitter: their identity stays with the handling department.</param>
public sealed record CaseChange(
    Guid EventId, string TrackingNumber, DateTimeOffset At, CaseEventType Type, CaseAction? Action, CaseStatus? FromStatus, CaseStatus? ToStatus,
    bool IsPublic, string? Text, string ActorName, Actor ActorCapacity);

public sealed class ListCaseChangesHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<ListCaseChanges, CaseChangesPage>
{
    public async ValueTask<CaseChangesPage> Handle(ListCaseChanges query, CancellationToken cancellationToken)
    {
        var rows = await Page(db, user, query).ToListAsync(cancellationToken);
        var hasMore = rows.Count > query.Limit;
        if (hasMore)
        {
            var boundary = rows[query.Limit].At;
            rows = rows.Take(query.Limit).Where(r => r.At != boundary).ToList();
            if (rows.Count == 0)
            {
                // One instant holds more entries than a page: hand over that whole instant rather than split it.
                rows = await Visible(db, user, db.CaseEvents.AsNoTracking().Where(e => e.At == boundary))
                    .OrderBy(x => x.Event.Id)
                    .Select(x => Project(x.Event, x.TrackingNumber))
                    .ToListAsync(cancellationToken);
            }
        }
        var cursor = rows.Count > 0 ? rows[^1].At.UtcTicks : query.After;
        return new CaseChangesPage(rows.Select(MaskSubmitter).ToList(), cursor, hasMore);
    }

    /// <summary>One page and one entry more (to see whether there is more): a range of the CaseEvents (At) index.</summary>
    internal static IQueryable<CaseChange> Page(FeedbackDbContext db, ICurrentUser user, ListCaseChanges query)
    {
        var after = new DateTimeOffset(query.After, TimeSpan.Zero);
        return Visible(db, user, db.CaseEvents.AsNoTracking().Where(e => e.At > after && e.At <= query.Before))
            .OrderBy(x => x.Event.At).ThenBy(x => x.Event.Id)
            .Take(query.Limit + 1)
            .Select(x => Project(x.Event, x.TrackingNumber));
    }

    /// <summary>The dispatcher (service centre) sees every case; staff and heads their department's.</summary>
    private static IQueryable<EventOfCase> Visible(FeedbackDbContext db, ICurrentUser user, IQueryable<CaseEvent> events)
    {
        var joined = events.Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new EventOfCase { Event = e, TrackingNumber = c.TrackingNumber, DepartmentId = c.DepartmentId });
        if (user.IsInRole(Roles.Dispatcher))
            return joined;
        var department = user.DepartmentId;
        return joined.Where(x => department != null && x.DepartmentId == department);
    }

    private static CaseChange Project(CaseEvent e, string trackingNumber) =>
        new(e.Id, trackingNumber, e.At, e.Type, e.Action, e.FromStatus, e.ToStatus, e.IsPublic, e.Text, e.ActorName, e.ActorCapacity);

    private static CaseChange MaskSubmitter(CaseChange change) =>
        change.ActorCapacity == Actor.Submitter ? change with { ActorName = "" } : change;

    /// <summary>Member-initialised (not positional) so that EF can translate filters on it.</summary>
    private sealed class EventOfCase
    {
        public required CaseEvent Event { get; init; }
        public required string TrackingNumber { get; init; }
        public Guid? DepartmentId { get; init; }
    }
}
