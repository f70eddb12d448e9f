using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>
/// For managers: the reviews of one month (by visit date), newest visit first, optionally of one service
/// point, a page at a time, each with its average score and number of findings (the (VisitMonth,
/// ServicePointId) index; the scores and findings of the page only).
/// </summary>
/// <param name="Month">yyyyMM.</param>
public sealed record ListReviews(int Month, Guid? ServicePointId = null, int Page = 1) : IQuery<ReviewPage>, IAuthorizedMessage, IValidate
{
    public const int PageSize = 25;

    public bool IsAuthorizedFor(ICurrentUser user) => SupervisionReaders.IsManager(user);

    public IEnumerable<ValidationError> Validate()
    {
        if (!GetSupervisionReport.IsMonth(Month)) yield return new(nameof(Month), "Validation.Invalid");
        foreach (var e in CaseList.ValidatePage(Page)) yield return e;
    }
}

public sealed record ReviewListItem(
    Guid Id, DateOnly VisitedOn, string SupervisorName, ReviewTarget Target, string? ServicePointZh, string? ServicePointEn,
    Guid? DepartmentId, Guid ServiceAreaId, double? AverageScore, int Findings);

public sealed record ReviewPage(IReadOnlyList<ReviewListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class ListReviewsHandler(FeedbackDbContext db) : IQueryHandler<ListReviews, ReviewPage>
{
    public async ValueTask<ReviewPage> Handle(ListReviews query, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => r.VisitMonth == query.Month);
        if (query.ServicePointId is { } point)
            reviews = reviews.Where(r => r.ServicePointId == point);
        var total = await reviews.CountAsync(cancellationToken);
        var items = await reviews
            .OrderByDescending(r => r.VisitedOn).ThenByDescending(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Skip((query.Page - 1) * ListReviews.PageSize).Take(ListReviews.PageSize)
            .Select(r => new ReviewListItem(
                r.Id, r.VisitedOn,
                db.Supervisors.Where(s => s.UserId == r.SupervisorUserId).Select(s => s.Name).FirstOrDefault() ?? "",
                r.Target,
                db.ServicePoints.Where(p => p.Id == r.ServicePointId).Select(p => p.NameZh).FirstOrDefault(),
                db.ServicePoints.Where(p => p.Id == r.ServicePointId).Select(p => p.NameEn).FirstOrDefault(),
                r.DepartmentId, r.ServiceAreaId,
                db.ReviewScores.Where(s => s.ReviewId == r.Id).Average(s => (double?)s.Score),
                db.ReviewFindings.Count(f => f.ReviewId == r.Id)))
            .ToListAsync(cancellationToken);
        return new ReviewPage(items, total, query.Page, ListReviews.PageSize);
    }
}
