using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Satisfaction.Commands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Queries;

/// <summary>
/// The survey as its form shows it, for the link's holder or the tracking page's submitter. No survey (the
/// case was never resolved, or the link is wrong) is "not found".
/// </summary>
public sealed record GetSurveyForm(string? Token, Guid? CaseId, SubmitterProof? Proof) : IQuery<SurveyFormView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

/// <param name="CanAnswer">Open and not past its close.</param>
public sealed record SurveyFormView(
    Guid SurveyId, Guid CaseId, string TrackingNumber, string Subject, SurveyStatus Status, bool CanAnswer,
    DateTimeOffset ClosesAt, DateTimeOffset? AnsweredAt, int? Score, bool? Resolved, string? Comment);

public sealed class GetSurveyFormHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetSurveyForm, SurveyFormView>
{
    public async ValueTask<SurveyFormView> Handle(GetSurveyForm query, CancellationToken cancellationToken)
    {
        var survey = await SurveyLookup.FindAsync(db, user, query.Token, query.CaseId, query.Proof, tracked: false, cancellationToken)
            ?? throw new NotFoundException();
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == survey.CaseId)
            .Select(c => new { c.TrackingNumber, c.Subject }).SingleAsync(cancellationToken);
        return new SurveyFormView(survey.Id, survey.CaseId, @case.TrackingNumber, @case.Subject, survey.Status,
            survey.IsOpenAt(clock.GetUtcNow()), survey.ClosesAt, survey.AnsweredAt, survey.Score, survey.Resolved, survey.Comment);
    }
}
