using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;

namespace Feedback.Domain.Publishing.Commands;

/// <summary>The drafter asks the department head to approve the notice.</summary>
public sealed record SubmitOutcome(Guid CaseId) : ICommand, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => OutcomeLoader.IsCaseWorker(user);
}

public sealed class SubmitOutcomeHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitOutcome>
{
    public async ValueTask<Unit> Handle(SubmitOutcome command, CancellationToken cancellationToken)
    {
        var (_, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        (await db.LoadOutcomeAsync(command.CaseId, cancellationToken)).SubmitForApproval(by, clock.GetUtcNow());
        return Unit.Value;
    }
}
