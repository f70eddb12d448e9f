using Feedback.Domain.Rectification;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Commands;

/// <summary>
/// The submitter answers the survey, either through the emailed link (<see cref="Token"/>) or on the tracking
/// page (<see cref="CaseId"/> with their <see cref="Proof"/>, or signed in as the owner). One answer per case.
/// An answer that says the problem was solved closes the resolved case (DESIGN §3: confirm / survey / 7 days).
/// </summary>
public sealed record AnswerSurvey(string? Token, Guid? CaseId, SubmitterProof? Proof, int? Score, bool? Resolved, string? Comment)
    : ICommand<Guid>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        if (Score is not (>= 1 and <= 5)) yield return new(nameof(Score), "Survey.ScoreRequired");
        if (Resolved is null) yield return new(nameof(Resolved), "Survey.ResolvedRequired");
        foreach (var e in Check.Optional(Comment, nameof(Comment), Survey.CommentMaxLength)) yield return e;
    }
}

public sealed class AnswerSurveyHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AnswerSurvey, Guid>
{
    public async ValueTask<Guid> Handle(AnswerSurvey command, CancellationToken cancellationToken)
    {
        var survey = await SurveyLookup.FindAsync(db, user, command.Token, command.CaseId, command.Proof, tracked: true, cancellationToken)
            ?? throw new NotFoundException();
        var now = clock.GetUtcNow();
        survey.Answer(command.Score!.Value, command.Resolved!.Value, command.Comment, now);
        if (command.Resolved == true)
        {
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == survey.CaseId, cancellationToken);
            // A rectification waits for the complainant's own verification (accept/reject with a comment); a
            // survey answer is about satisfaction, not that, so it does not close such a case.
            if (@case.Status == CaseStatus.Resolved && !await db.IsRequiredAsync(@case.Id, @case.Kind, cancellationToken))
                @case.AutoClose(SurveyLookup.ClosedBySurveyNote, now);
        }
        return survey.CaseId;
    }
}

/// <summary>Finds the survey a link or a tracking-page visitor may answer; anything else is "not found".</summary>
internal static class SurveyLookup
{
    /// <summary>The timeline note of a case the survey closed (public, shown as written).</summary>
    public const string ClosedBySurveyNote = "满意度回访：客户确认问题已解决 / Satisfaction survey: the customer says it is solved";

    public static async Task<Survey?> FindAsync(FeedbackDbContext db, ICurrentUser user, string? token, Guid? caseId, SubmitterProof? proof,
        bool tracked, CancellationToken cancellationToken)
    {
        var surveys = tracked ? db.Surveys : db.Surveys.AsNoTracking();
        if (token is not null)
        {
            if (!SurveyToken.LooksValid(token))
                return null;
            var hash = SurveyToken.Hash(token);
            return await surveys.FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken)
                ?? await surveys.FirstOrDefaultAsync(s => s.ReminderTokenHash == hash, cancellationToken);
        }
        if (caseId is not { } id)
            return null;
        var owner = await db.Cases.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.TrackingNumber, c.AccessPinHash, c.DepartmentId, c.SubmitterUserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
            return null;
        var proved = (proof ?? SubmitterProof.None).Proves(owner.Id, owner.TrackingNumber, owner.AccessPinHash);
        if (!CaseAccess.For(user, owner.DepartmentId, owner.SubmitterUserId, proved).Is(Actor.Submitter))
            return null;
        return await surveys.SingleOrDefaultAsync(s => s.CaseId == id, cancellationToken);
    }
}
