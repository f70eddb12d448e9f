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
/// report, and no personal data: no name, phone, email, address or client ids; the location is rounded;
/// the description and the notes are masked and only public updates count (<see cref="Open311Publication"/>).
/// Ids override every other argument (the spec); without ids the spec's window applies: the 90 days before
/// <see cref="End"/> (default now). Empty <see cref="ServiceCodes"/> means every service.
/// </summary>
public sealed record ListOpen311Requests(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> ServiceCodes,
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
        // With ids the dates are ignored (the spec: service_request_id overrides the other arguments).
        if (Ids.Count == 0)
            foreach (var e in Check.Instant(Start, "start_date").Concat(Check.Instant(End, "end_date"))) yield return e;
        if (Ids.Count == 0 && Start is { } start && End is { } end)
        {
            if (end < start) yield return new("end_date", "Api.Open311.EndBeforeStart");
            else if (end - start > MaxWindow) yield return new("end_date", "Api.Open311.WindowTooLong", MaxWindow.Days);
        }
    }
}

/// <param name="StatusNotes">The latest public update's masked text from those handling it, if it has one.</param>
/// <param name="NotesAction">What the latest public update was (the edge names it when there is no text).</param>
/// <param name="DepartmentId">For <c>agency_responsible</c>; null while it waits in triage.</param>
/// <param name="UpdatedAt">The latest public update, or the filing: internal work does not move it.</param>
public sealed record Open311RequestRow(
    string ServiceRequestId, bool IsOpen, string? StatusNotes, CaseAction? NotesAction, Guid CategoryId, Guid? DepartmentId, string Description,
    DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ExpectedAt, double? Latitude, double? Longitude, string? MediaUrl);

public sealed class ListOpen311RequestsHandler(FeedbackDbContext db, OrganisationCache organisation, TimeProvider clock)
    : IQueryHandler<ListOpen311Requests, IReadOnlyList<Open311RequestRow>>
{
    /// <summary>The newest matching Open311 cases, at most the spec's 1000: a range of (Channel, [CategoryId,] SubmittedAt).</summary>
    internal static IQueryable<Case> Matching(FeedbackDbContext db, ListOpen311Requests query, IReadOnlyList<Guid> categoryIds, DateTimeOffset now)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.Channel == Channel.Open311 && c.Kind != CaseKind.Report);
        if (query.Ids.Count > 0)
        {
            // The spec: service_request_id overrides all other arguments.
            var ids = query.Ids.ToList();
            return cases.Where(c => ids.Contains(c.TrackingNumber)).OrderByDescending(c => c.SubmittedAt).Take(ListOpen311Requests.MaxResults);
        }
        var end = query.End ?? now;
        var start = query.Start ?? end - ListOpen311Requests.MaxWindow;
        cases = cases.Where(c => c.SubmittedAt >= start && c.SubmittedAt <= end);
        if (categoryIds.Count == 1)
        {
            var category = categoryIds[0];
            cases = cases.Where(c => c.CategoryId == category);
        }
        else if (categoryIds.Count > 1)
        {
            var categories = categoryIds.ToList();
            cases = cases.Where(c => categories.Contains(c.CategoryId));
        }
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
        var categoryIds = new List<Guid>();
        if (query.Ids.Count == 0 && query.ServiceCodes.Count > 0)
        {
            var org = await organisation.GetAsync(cancellationToken);
            categoryIds = org.Categories
                .Where(c => query.ServiceCodes.Any(code => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)))
                .Select(c => c.Id).ToList();
            if (categoryIds.Count == 0) return [];
        }
        var updates = db.CaseEvents.Where(Open311Publication.IsUpdate);
        var cases = Matching(db, query, categoryIds, clock.GetUtcNow());
        var rows = await cases
            .Join(db.Open311Details, c => c.Id, d => d.CaseId, (c, d) => new
            {
                c.TrackingNumber, c.Status, c.CategoryId, c.DepartmentId, c.Description, c.SubmittedAt, c.ResolveBy, c.Contact,
                d.Latitude, d.Longitude, d.MediaUrl,
                Latest = updates
                    .Where(e => e.CaseId == c.Id)
                    .OrderByDescending(e => e.At)
                    .Select(e => new { e.At, e.Text, e.ActorCapacity, e.Action })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => new Open311RequestRow(
                r.TrackingNumber, CaseTransitions.IsOpen(r.Status),
                r.Latest is null ? null : Open311Publication.PublicText(r.Latest.ActorCapacity, r.Latest.Text, r.Contact), r.Latest?.Action,
                r.CategoryId, r.DepartmentId, Open311Publication.PublicDescription(r.Description, r.Contact),
                r.SubmittedAt, r.Latest?.At ?? r.SubmittedAt, r.ResolveBy,
                r.Latitude is { } lat ? Math.Round(lat, LocationDecimals) : null,
                r.Longitude is { } lon ? Math.Round(lon, LocationDecimals) : null,
                r.MediaUrl))
            .ToList();
    }
}
