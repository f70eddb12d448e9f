using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>The handling department records (or revises) the root cause: the rectification record begins.</summary>
public sealed record RecordRectification(Guid CaseId, string RootCause) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() => Check.Required(RootCause, nameof(RootCause), CaseRectification.RootCauseMaxLength);
}

public sealed class RecordRectificationHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordRectification>
{
    public async ValueTask<Unit> Handle(RecordRectification command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.FindRectificationAsync(command.CaseId, cancellationToken) is { } existing)
            existing.ReviseRootCause(@case, command.RootCause, by, now);
        else
            db.Rectifications.Add(CaseRectification.Record(@case, command.RootCause, by, now));
        return Unit.Value;
    }
}
