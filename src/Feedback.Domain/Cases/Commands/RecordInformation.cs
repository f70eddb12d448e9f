using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// Staff record the information the submitter gave another way (usually by phone): the same step as the
/// submitter answering, taken as Staff, so the timeline shows who wrote it down.
/// </summary>
public sealed record RecordInformation(Guid CaseId, string Information) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Information, nameof(Information), Case.TextMaxLength);
}

public sealed class RecordInformationHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordInformation>
{
    public async ValueTask<Unit> Handle(RecordInformation command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.ProvideInformation(command.Information.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
