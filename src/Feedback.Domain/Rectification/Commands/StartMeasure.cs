using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>Work on a planned measure has begun.</summary>
public sealed record StartMeasure(Guid CaseId, Guid MeasureId) : ICommand, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);
}

public sealed class StartMeasureHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartMeasure>
{
    public async ValueTask<Unit> Handle(StartMeasure command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var rectification = await db.LoadRectificationAsync(command.CaseId, cancellationToken);
        rectification.StartMeasure(@case, command.MeasureId, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
