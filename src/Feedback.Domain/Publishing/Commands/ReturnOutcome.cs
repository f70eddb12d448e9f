using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;

namespace Feedback.Domain.Publishing.Commands;

/// <summary>The department head sends the notice back to draft, saying what to change.</summary>
public sealed record ReturnOutcome(Guid CaseId, string Note) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() => Check.Required(Note, nameof(Note), Outcome.NoteMaxLength);
}

public sealed class ReturnOutcomeHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReturnOutcome>
{
    public async ValueTask<Unit> Handle(ReturnOutcome command, CancellationToken cancellationToken)
    {
        var (_, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        (await db.LoadOutcomeAsync(command.CaseId, cancellationToken)).Return(command.Note, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
