using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>A measure (整改措施) with its owner — staff of the handling department — and the day it is due.</summary>
public sealed record AddMeasure(Guid CaseId, string Description, Guid OwnerUserId, DateOnly? DueOn) : ICommand<Guid>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var error in Check.Required(Description, nameof(Description), RectificationMeasure.DescriptionMaxLength)) yield return error;
        foreach (var error in Check.NotEmpty(OwnerUserId, nameof(OwnerUserId))) yield return error;
        if (DueOn is null) yield return new(nameof(DueOn), "Validation.Required");
    }
}

public sealed class AddMeasureHandler(FeedbackDbContext db, ICurrentUser user, WorkCalendarSource calendars, TimeProvider clock)
    : ICommandHandler<AddMeasure, Guid>
{
    public async ValueTask<Guid> Handle(AddMeasure command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var rectification = await db.LoadRectificationAsync(command.CaseId, cancellationToken);
        if (@case.DepartmentId is not { } department || !await CaseWorkers.WorksInAsync(db, command.OwnerUserId, department, cancellationToken))
            throw new ValidationException([new(nameof(AddMeasure.OwnerUserId), "Outcomes.Measure.OwnerNotInDepartment")]);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == command.OwnerUserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var zone = await calendars.ZoneAsync(db, cancellationToken);
        var dueOn = command.DueOn!.Value;
        var measure = rectification.AddMeasure(@case, command.Description, command.OwnerUserId, owner, dueOn,
            RectificationLoader.EndOfDay(dueOn, zone), by, clock.GetUtcNow());
        return measure.Id;
    }
}
