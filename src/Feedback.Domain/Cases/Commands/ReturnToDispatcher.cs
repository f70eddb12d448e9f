using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>"Not ours": staff send an assigned case back to the service centre's triage queue, saying why.</summary>
public sealed record ReturnToDispatcher(Guid CaseId, string Reason) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Reason, nameof(Reason), Case.TextMaxLength);
}

public sealed class ReturnToDispatcherHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnToDispatcher>
{
    public async ValueTask<Unit> Handle(ReturnToDispatcher command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.ReturnToDispatcher(command.Reason.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
