using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Commands;

/// <summary>
/// One batch of the survey sweep (the background job sends it as the system until nothing is due): open
/// surveys whose next step is due — a range of the NextStepAt index — get their reminder (day 3) or close
/// (day 7). A sweep that was stopped for longer than the survey is open closes it without a late reminder.
/// </summary>
public sealed record SweepSurveys(int BatchSize = SweepSurveys.DefaultBatchSize) : ICommand<SurveySweepResult>, IAuthorizedMessage
{
    public const int DefaultBatchSize = 200;

    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser;
}

public sealed record SurveySweepResult(int Reminded, int Closed, bool MoreDue);

public sealed class SweepSurveysHandler(FeedbackDbContext db, TimeProvider clock) : ICommandHandler<SweepSurveys, SurveySweepResult>
{
    public async ValueTask<SurveySweepResult> Handle(SweepSurveys command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batch = Math.Max(1, command.BatchSize);
        var due = await db.Surveys
            .Where(s => s.NextStepAt != null && s.NextStepAt <= now)
            .OrderBy(s => s.NextStepAt)
            .Take(batch)
            .ToListAsync(cancellationToken);
        var steps = due.Select(s => s.Advance(now)).ToList();
        return new SurveySweepResult(steps.Count(s => s == SurveyStep.Reminded), steps.Count(s => s == SurveyStep.Closed), due.Count >= batch);
    }
}
