using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>
/// Open311 <c>GET servicerequestupdates</c> (the GeoReport v2 "updates" extension FixMyStreet polls): the
/// public updates (<see cref="Open311Publication"/>) of Open311 requests between <see cref="Start"/> and
/// <see cref="End"/> (default: the 90 days before now), oldest first, <see cref="PageSize"/> a page.
/// Public by design like <c>GET requests</c>, so the same rules: no misconduct report, masked text.
/// </summary>
public sealed record ListOpen311Updates(DateTimeOffset? Start, DateTimeOffset? End, int Page) : IQuery<Open311UpdatesPage>, IAuthorizedMessage, IValidate
{
    public const int PageSize = ListOpen311Requests.MaxResults;

    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        if (Page < 1) yield return new("page", "Validation.Invalid");
        if (Start is { } start && End is { } end)
        {
            if (end < start) yield return new("end_date", "Api.Open311.EndBeforeStart");
            else if (end - start > ListOpen311Requests.MaxWindow) yield return new("end_date", "Api.Open311.WindowTooLong", ListOpen311Requests.MaxWindow.Days);
        }
    }
}

public sealed record Open311UpdatesPage(IReadOnlyList<Open311Update> Updates, bool HasMore);

/// <param name="Text">The handlers' words, masked; null when the update carries none (the edge names the action).</param>
public sealed record Open311Update(Guid UpdateId, string ServiceRequestId, bool IsOpen, CaseAction Action, string? Text, DateTimeOffset At);

public sealed class ListOpen311UpdatesHandler(FeedbackDbContext db, TimeProvider clock) : IQueryHandler<ListOpen311Updates, Open311UpdatesPage>
{
    public async ValueTask<Open311UpdatesPage> Handle(ListOpen311Updates query, CancellationToken cancellationToken)
    {
        var end = query.End ?? clock.GetUtcNow();
        var start = query.Start ?? end - ListOpen311Requests.MaxWindow;
        var rows = await Window(db, start, end)
            .Join(db.Cases.Where(c => c.Channel == Channel.Open311 && c.Kind != CaseKind.Report), e => e.CaseId, c => c.Id,
                (e, c) => new { e.Id, e.At, e.Text, e.ActorCapacity, e.Action, e.ToStatus, c.TrackingNumber, c.Contact })
            .OrderBy(x => x.At).ThenBy(x => x.Id)
            .Skip((query.Page - 1) * ListOpen311Updates.PageSize)
            .Take(ListOpen311Updates.PageSize + 1)
            .ToListAsync(cancellationToken);
        var updates = rows.Take(ListOpen311Updates.PageSize)
            .Select(r => new Open311Update(r.Id, r.TrackingNumber, CaseTransitions.IsOpen(r.ToStatus!.Value), r.Action!.Value,
                Open311Publication.PublicText(r.ActorCapacity, r.Text, r.Contact), r.At))
            .ToList();
        return new Open311UpdatesPage(updates, rows.Count > ListOpen311Updates.PageSize);
    }

    /// <summary>Public updates in the window: a range of the CaseEvents (At) index.</summary>
    internal static IQueryable<CaseEvent> Window(FeedbackDbContext db, DateTimeOffset start, DateTimeOffset end) =>
        db.CaseEvents.AsNoTracking().Where(e => e.At >= start && e.At <= end).Where(Open311Publication.IsUpdate);
}
