using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>Staff ask the submitter a question; the case waits (and its clock pauses) until they answer.</summary>
public sealed record RequestInformation(Guid CaseId, string Question) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Question, nameof(Question), Case.TextMaxLength);
}

public sealed class RequestInformationHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RequestInformation>
{
    public async ValueTask<Unit> Handle(RequestInformation command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.RequestInformation(command.Question.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
