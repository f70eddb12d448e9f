using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>One review: for the supervisor who wrote it (while serving) and for managers; anyone else: not found.</summary>
public sealed record GetReview(Guid ReviewId) : IQuery<ReviewView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor) || SupervisionReaders.IsManager(user);
}

public sealed record ReviewView(
    Guid Id, string SupervisorName, DateOnly VisitedOn, DateTimeOffset SubmittedAt, ReviewTarget Target,
    string? ServicePointZh, string? ServicePointEn, Guid? DepartmentId, Guid ServiceAreaId, string? Comments,
    IReadOnlyList<ScoreRow> Scores, IReadOnlyList<FindingRow> Findings, IReadOnlyList<PhotoRow> Photos);

public sealed record ScoreRow(string NameZh, string NameEn, int Score);

public sealed record PhotoRow(Guid Id, string FileName);

public sealed class GetReviewHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReview, ReviewView>
{
    public async ValueTask<ReviewView> Handle(GetReview query, CancellationToken cancellationToken)
    {
        await ReviewAccess.EnsureMayReadAsync(db, calendars, user, clock, query.ReviewId, cancellationToken);
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == query.ReviewId)
            .Select(r => new
            {
                r.Id, r.VisitedOn, r.SubmittedAt, r.Target, r.DepartmentId, r.ServiceAreaId, r.Comments,
                Supervisor = db.Supervisors.Where(s => s.UserId == r.SupervisorUserId).Select(s => s.Name).FirstOrDefault(),
                Point = db.ServicePoints.Where(p => p.Id == r.ServicePointId).Select(p => new { p.NameZh, p.NameEn }).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var scores = await (
                from s in db.ReviewScores
                join d in db.ReviewDimensions on s.DimensionId equals d.Id
                where s.ReviewId == query.ReviewId
                orderby d.SortOrder, d.Code
                select new ScoreRow(d.NameZh, d.NameEn, s.Score))
            .ToListAsync(cancellationToken);
        var findings = await (
                from f in db.ReviewFindings
                join c in db.Cases on f.CaseId equals c.Id
                where f.ReviewId == query.ReviewId
                orderby c.TrackingNumber
                select new FindingRow(c.Id, c.TrackingNumber, c.Subject, c.Status, c.DepartmentId, c.SubmittedAt, c.ResolveBy))
            .ToListAsync(cancellationToken);
        var photos = await db.ReviewPhotos.AsNoTracking().Where(p => p.ReviewId == query.ReviewId)
            .OrderBy(p => p.Id).Select(p => new PhotoRow(p.Id, p.FileName)).ToListAsync(cancellationToken);
        return new ReviewView(review.Id, review.Supervisor ?? "", review.VisitedOn, review.SubmittedAt, review.Target,
            review.Point?.NameZh, review.Point?.NameEn, review.DepartmentId, review.ServiceAreaId, review.Comments, scores, findings, photos);
    }
}

/// <summary>A photo of a review, with the same access as the review.</summary>
public sealed record GetReviewPhoto(Guid ReviewId, Guid PhotoId) : IQuery<ReviewPhotoFile>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor) || SupervisionReaders.IsManager(user);
}

public sealed record ReviewPhotoFile(string FileName, string ContentType, string StorageKey);

public sealed class GetReviewPhotoHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReviewPhoto, ReviewPhotoFile>
{
    public async ValueTask<ReviewPhotoFile> Handle(GetReviewPhoto query, CancellationToken cancellationToken)
    {
        await ReviewAccess.EnsureMayReadAsync(db, calendars, user, clock, query.ReviewId, cancellationToken);
        return await db.ReviewPhotos.AsNoTracking()
            .Where(p => p.Id == query.PhotoId && p.ReviewId == query.ReviewId)
            .Select(p => new ReviewPhotoFile(p.FileName, p.ContentType, p.StorageKey))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
    }
}

internal static class ReviewAccess
{
    /// <summary>Managers read every review; a supervisor only their own, and only while serving. Otherwise 404.</summary>
    public static async Task EnsureMayReadAsync(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock,
        Guid reviewId, CancellationToken cancellationToken)
    {
        var author = await db.Reviews.Where(r => r.Id == reviewId).Select(r => (Guid?)r.SupervisorUserId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        if (SupervisionReaders.IsManager(user)) return;
        if (author != user.UserId) throw new NotFoundException();
        await db.EnsureServingAsync(user, calendars, clock, cancellationToken);
    }
}
