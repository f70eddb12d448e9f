using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>Service points: all of them for the admin; the active ones (public places) for every form, the public one included.</summary>
public sealed record ListServicePoints(bool IncludeInactive = false) : IQuery<IReadOnlyList<ServicePointRow>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => !IncludeInactive || user.IsInRole(Roles.Admin);
}

public sealed record ServicePointRow(Guid Id, string Code, string NameZh, string NameEn, ServicePointKind Kind, Guid ServiceAreaId, string Address,
    int SortOrder, bool IsActive)
{
    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameZh;
}

public sealed class ListServicePointsHandler(FeedbackDbContext db) : IQueryHandler<ListServicePoints, IReadOnlyList<ServicePointRow>>
{
    public async ValueTask<IReadOnlyList<ServicePointRow>> Handle(ListServicePoints query, CancellationToken cancellationToken) =>
        await db.ServicePoints.AsNoTracking()
            .Where(p => query.IncludeInactive || p.IsActive)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new ServicePointRow(p.Id, p.Code, p.NameZh, p.NameEn, p.Kind, p.ServiceAreaId, p.Address, p.SortOrder, p.IsActive))
            .ToListAsync(cancellationToken);
}

/// <summary>Review dimensions with how many scores each has (a used one can be retired, never deleted).</summary>
public sealed record ListReviewDimensions(bool IncludeInactive = false) : IQuery<IReadOnlyList<DimensionRow>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => !IncludeInactive || user.IsInRole(Roles.Admin);
}

public sealed record DimensionRow(Guid Id, string Code, string NameZh, string NameEn, int SortOrder, bool IsActive, int ScoreCount)
{
    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameZh;
}

public sealed class ListReviewDimensionsHandler(FeedbackDbContext db) : IQueryHandler<ListReviewDimensions, IReadOnlyList<DimensionRow>>
{
    public async ValueTask<IReadOnlyList<DimensionRow>> Handle(ListReviewDimensions query, CancellationToken cancellationToken) =>
        await db.ReviewDimensions.AsNoTracking()
            .Where(d => query.IncludeInactive || d.IsActive)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new DimensionRow(d.Id, d.Code, d.NameZh, d.NameEn, d.SortOrder, d.IsActive,
                query.IncludeInactive ? db.ReviewScores.Count(s => s.DimensionId == d.Id) : 0))
            .ToListAsync(cancellationToken);
}
