using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>A note for colleagues on the case's timeline; the submitter never sees it.</summary>
public sealed record AddInternalNote(Guid CaseId, string Text) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorkerOrDispatcher(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Text, nameof(Text), Case.TextMaxLength);
}

public sealed class AddInternalNoteHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddInternalNote>
{
    public async ValueTask<Unit> Handle(AddInternalNote command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.HandlersAndDispatcher, cancellationToken);
        @case.AddInternalNote(command.Text.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
