using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>
/// Open311 <c>GET requests</c> and <c>GET requests/{id}</c>: public, so only what was filed through Open311
/// (its clients publish by design; a web or hotline case is followed with its PIN), never a misconduct
/// report, and no personal data: no name, phone, email, address or client ids; the location is rounded.
/// Without ids the spec's window applies: the 90 days before <see cref="End"/> (default now).
/// </summary>
public sealed record ListOpen311Requests(
    IReadOnlyList<string> Ids,
    string? ServiceCode,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool? Open) : IQuery<IReadOnlyList<Open311RequestRow>>, IAuthorizedMessage, IValidate
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        if (Ids.Count > MaxResults) yield return new("service_request_id", "Api.Open311.TooManyIds", MaxResults);
        foreach (var e in Check.Instant(Start, "start_date").Concat(Check.Instant(End, "end_date"))) yield return e;
        if (Start is { } start && End is { } end)
        {
            if (end < start) yield return new("end_date", "Api.Open311.EndBeforeStart");
            else if (end - start > MaxWindow) yield return new("end_date", "Api.Open311.WindowTooLong", MaxWindow.Days);
        }
    }
}

/// <param name="StatusNotes">The latest public text from those handling it (reply, question, resolution).</param>
/// <param name="DepartmentId">For <c>agency_responsible</c>; null while it waits in triage.</param>
public sealed record Open311RequestRow(
    string ServiceRequestId, bool IsOpen, string? StatusNotes, Guid CategoryId, Guid? DepartmentId, string Description,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpectedAt, double? Latitude, double? Longitude, string? MediaUrl);

public sealed class ListOpen311RequestsHandler(FeedbackDbContext db, OrganisationCache organisation, TimeProvider clock)
    : IQueryHandler<ListOpen311Requests, IReadOnlyList<Open311RequestRow>>
{
    /// <summary>The newest matching Open311 cases, at most the spec's 1000: a range of (Channel, [CategoryId,] SubmittedAt).</summary>
    internal static IQueryable<Case> Matching(FeedbackDbContext db, ListOpen311Requests query, Guid? categoryId, DateTimeOffset now)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.Channel == Channel.Open311 && c.Kind != CaseKind.Report);
        if (query.Ids.Count > 0)
        {
            var ids = query.Ids.ToList();
            cases = cases.Where(c => ids.Contains(c.TrackingNumber));
        }
        else
        {
            var end = query.End ?? now;
            var start = query.Start ?? end - ListOpen311Requests.MaxWindow;
            cases = cases.Where(c => c.SubmittedAt >= start && c.SubmittedAt <= end);
        }
        if (categoryId is { } category)
            cases = cases.Where(c => c.CategoryId == category);
        if (query.Open is { } open)
            cases = open
                ? cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rejected)
                : cases.Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Rejected);
        return cases.OrderByDescending(c => c.SubmittedAt).Take(ListOpen311Requests.MaxResults);
    }

    /// <summary>Three decimals is about 100 m: enough to find a fault, too coarse to point at one home.</summary>
    private const int LocationDecimals = 3;

    public async ValueTask<IReadOnlyList<Open311RequestRow>> Handle(ListOpen311Requests query, CancellationToken cancellationToken)
    {
        Guid? categoryId = null;
        if (!string.IsNullOrWhiteSpace(query.ServiceCode))
        {
            var org = await organisation.GetAsync(cancellationToken);
            var category = org.Categories.FirstOrDefault(c => string.Equals(c.Code, query.ServiceCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (category is null) return [];
            categoryId = category.Id;
        }
        var cases = Matching(db, query, categoryId, clock.GetUtcNow());
        var rows = await cases
            .Join(db.Open311Details, c => c.Id, d => d.CaseId, (c, d) => new
            {
                c.TrackingNumber, c.Status, c.CategoryId, c.DepartmentId, c.Description, c.SubmittedAt, c.UpdatedAt, c.ResolveBy,
                d.Latitude, d.Longitude, d.MediaUrl,
                Notes = db.CaseEvents
                    .Where(e => e.CaseId == c.Id && e.IsPublic && e.Text != null
                        && (e.ActorCapacity == Actor.Staff || e.ActorCapacity == Actor.DepartmentHead || e.ActorCapacity == Actor.Dispatcher))
                    .OrderByDescending(e => e.At)
                    .Select(e => e.Text)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => new Open311RequestRow(
                r.TrackingNumber, CaseTransitions.IsOpen(r.Status), r.Notes, r.CategoryId, r.DepartmentId, r.Description,
                r.SubmittedAt, r.UpdatedAt, r.ResolveBy,
                r.Latitude is { } lat ? Math.Round(lat, LocationDecimals) : null,
                r.Longitude is { } lon ? Math.Round(lon, LocationDecimals) : null,
                r.MediaUrl))
            .ToList();
    }
}
