using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>Staff take an assigned case on: it becomes theirs and the work starts.</summary>
public sealed record AcceptCase(Guid CaseId) : ICommand, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);
}

public sealed class AcceptCaseHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AcceptCase>
{
    public async ValueTask<Unit> Handle(AcceptCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.Accept(by, clock.GetUtcNow());
        return Unit.Value;
    }
}
