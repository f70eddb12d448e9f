using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;

namespace Feedback.Domain.Publishing.Commands;

/// <summary>The department head — not the person who wrote it — approves the notice: it is public from now.</summary>
public sealed record ApproveOutcome(Guid CaseId) : ICommand, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead);
}

public sealed class ApproveOutcomeHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveOutcome>
{
    public async ValueTask<Unit> Handle(ApproveOutcome command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        (await db.LoadOutcomeAsync(command.CaseId, cancellationToken)).Approve(@case, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
