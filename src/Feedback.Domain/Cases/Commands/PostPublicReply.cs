using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>A reply the submitter sees on the case and receives by email.</summary>
public sealed record PostPublicReply(Guid CaseId, string Text) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorkerOrDispatcher(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Text, nameof(Text), Case.TextMaxLength);
}

public sealed class PostPublicReplyHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PostPublicReply>
{
    public async ValueTask<Unit> Handle(PostPublicReply command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.HandlersAndDispatcher, cancellationToken);
        @case.PostPublicReply(command.Text.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
