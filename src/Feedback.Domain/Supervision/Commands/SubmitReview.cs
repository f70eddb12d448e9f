using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>
/// A serving supervisor submits a review (监督评议): scores 1–5 on the active dimensions (at least one),
/// comments, photos, and findings — each filed as a case of kind SupervisionFinding, channel SupervisorReview.
/// </summary>
/// <param name="ServiceAreaId">The area reviewed, or visited when the target is a department; a service point brings its own.</param>
public sealed record SubmitReview(
    ReviewTarget Target,
    Guid? ServicePointId,
    Guid? DepartmentId,
    Guid? ServiceAreaId,
    DateOnly VisitedOn,
    IReadOnlyDictionary<Guid, int> Scores,
    string? Comments,
    IReadOnlyList<RaisedItem> Findings,
    IReadOnlyList<UploadedFile> Photos,
    string Culture = "zh-CN") : ICommand<ReviewReceipt>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Defined(Target, nameof(Target))) yield return e;
        if (Target == ReviewTarget.ServicePoint && ServicePointId is null) yield return new(nameof(ServicePointId), "Validation.Required");
        if (Target == ReviewTarget.Department && DepartmentId is null) yield return new(nameof(DepartmentId), "Validation.Required");
        if (Target != ReviewTarget.ServicePoint && ServiceAreaId is null) yield return new(nameof(ServiceAreaId), "Validation.Required");
        if (VisitedOn == default) yield return new(nameof(VisitedOn), "Validation.Required");
        if (Scores is null || Scores.Count == 0) yield return new(nameof(Scores), "Supervision.Review.ScoreRequired");
        else
            foreach (var (dimension, score) in Scores)
                if (score is < Review.MinScore or > Review.MaxScore)
                    yield return new($"{nameof(Scores)}[{dimension}]", "Supervision.Review.ScoreRange", Review.MinScore, Review.MaxScore);
        foreach (var e in Check.Optional(Comments, nameof(Comments), Review.CommentsMaxLength)) yield return e;
        foreach (var e in RaisedItem.Validate(Findings, nameof(Findings), Review.MaxFindings)) yield return e;
        foreach (var e in AttachmentIntake.Validate(Photos, nameof(Photos))) yield return e;
    }
}

/// <summary>The review and the tracking numbers of the cases its findings became.</summary>
public sealed record ReviewReceipt(Guid ReviewId, IReadOnlyList<string> FindingTrackingNumbers);

public sealed class SubmitReviewHandler(
    FeedbackDbContext db, OrganisationCache organisation, WorkCalendarSource calendars, IAttachmentStore store, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitReview, ReviewReceipt>
{
    public async ValueTask<ReviewReceipt> Handle(SubmitReview command, CancellationToken cancellationToken)
    {
        var today = await db.EnsureServingAsync(user, calendars, clock, cancellationToken);
        var org = await organisation.GetAsync(cancellationToken);
        var errors = new List<ValidationError>();
        if (command.VisitedOn > today) errors.Add(new(nameof(command.VisitedOn), "Supervision.Review.VisitInFuture"));

        Guid? areaId = command.ServiceAreaId;
        switch (command.Target)
        {
            case ReviewTarget.ServicePoint:
                var point = await db.ServicePoints.AsNoTracking().Where(p => p.Id == command.ServicePointId && p.IsActive)
                    .Select(p => new { p.ServiceAreaId }).FirstOrDefaultAsync(cancellationToken);
                if (point is null) errors.Add(new(nameof(command.ServicePointId), "Supervision.Review.UnknownTarget"));
                areaId = point?.ServiceAreaId;
                break;
            case ReviewTarget.Department:
                if (org.Department(command.DepartmentId) is not { IsActive: true })
                    errors.Add(new(nameof(command.DepartmentId), "Supervision.Review.UnknownTarget"));
                break;
        }
        if (command.Target != ReviewTarget.ServicePoint && (areaId is not { } area || org.Area(area) is not { IsActive: true }))
            errors.Add(new(nameof(command.ServiceAreaId), command.Target == ReviewTarget.Area ? "Supervision.Review.UnknownTarget" : "Validation.Invalid"));

        var dimensionIds = command.Scores.Keys.ToList();
        var active = await db.ReviewDimensions.Where(d => dimensionIds.Contains(d.Id) && d.IsActive).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var unknown in dimensionIds.Except(active))
            errors.Add(new($"{nameof(command.Scores)}[{unknown}]", "Validation.Invalid"));
        SupervisorFiling.CheckCategories(org, command.Findings, nameof(command.Findings), errors);
        var photos = await AttachmentIntake.CheckAsync(command.Photos, nameof(command.Photos), errors, cancellationToken);
        if (errors.Count > 0) throw new ValidationException(errors);

        var now = clock.GetUtcNow();
        var review = new Review(user.UserId!.Value, command.Target, command.ServicePointId, command.DepartmentId, areaId!.Value,
            command.VisitedOn, command.Comments, command.Scores.Select(s => (s.Key, s.Value)), now);
        db.Reviews.Add(review);

        var filing = await SupervisorFiling.ForAsync(db, org, calendars, user, command.Culture, cancellationToken);
        var numbers = new List<string>();
        foreach (var finding in command.Findings)
        {
            var @case = await filing.FileAsync(CaseKind.SupervisionFinding, Channel.SupervisorReview, finding, review.ServiceAreaId,
                review.ServicePointId, now, cancellationToken);
            review.AddFinding(@case.Id);
            numbers.Add(@case.TrackingNumber);
        }

        await AttachmentIntake.StoreAsync(store, db, photos,
            (file, name, key) => review.AddPhoto(name, file.ContentType, file.Upload.Length, key),
            cancellationToken);
        return new ReviewReceipt(review.Id, numbers);
    }
}
