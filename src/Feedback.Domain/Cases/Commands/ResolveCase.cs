using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>Staff reply with their decision; the submitter then confirms it or rejects it.</summary>
public sealed record ResolveCase(Guid CaseId, string Summary) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate() => Check.Required(Summary, nameof(Summary), Case.TextMaxLength);
}

public sealed class ResolveCaseHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResolveCase>
{
    public async ValueTask<Unit> Handle(ResolveCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.Resolve(command.Summary.Trim(), by, clock.GetUtcNow());
        return Unit.Value;
    }
}
