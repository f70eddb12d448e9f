using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;

namespace Feedback.Domain.Publishing.Commands;

/// <summary>The department head takes a notice off the board, with a reason that stays in its history.</summary>
public sealed record UnpublishOutcome(Guid CaseId, string Reason) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() => Check.Required(Reason, nameof(Reason), Outcome.NoteMaxLength);
}

public sealed class UnpublishOutcomeHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UnpublishOutcome>
{
    public async ValueTask<Unit> Handle(UnpublishOutcome command, CancellationToken cancellationToken)
    {
        var (_, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        (await db.LoadOutcomeAsync(command.CaseId, cancellationToken)).Unpublish(command.Reason, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
