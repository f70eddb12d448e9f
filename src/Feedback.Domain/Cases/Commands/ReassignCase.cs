using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// Give a case to another department or another person in it. A department head reassigns inside their own
/// department; the service centre (dispatcher) anywhere. The case is assigned afresh (the new owner accepts);
/// without a named person it goes to the department's least-loaded staff member.
/// </summary>
public sealed record ReassignCase(Guid CaseId, Guid DepartmentId, Guid? AssigneeId = null, string? Note = null)
    : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() =>
        Check.NotEmpty(DepartmentId, nameof(DepartmentId)).Concat(Check.Optional(Note, nameof(Note), Case.TextMaxLength));
}

public sealed class ReassignCaseHandler(FeedbackDbContext db, OrganisationCache organisation, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReassignCase>
{
    public async ValueTask<Unit> Handle(ReassignCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, [Actor.DepartmentHead, Actor.Dispatcher], cancellationToken);
        if (!by.Is(Actor.Dispatcher))
        {
            if (!by.Is(Actor.DepartmentHead))
                throw new ForbiddenException("Case.ActorNotAllowed");
            if (command.DepartmentId != @case.DepartmentId)
                throw new ForbiddenException("Staff.Reassign.OwnDepartmentOnly");
        }

        var org = await organisation.GetAsync(cancellationToken);
        if (org.Department(command.DepartmentId) is not { IsActive: true } department)
            throw new ValidationException([new(nameof(command.DepartmentId), "Validation.Invalid")]);
        if (command.AssigneeId is { } assignee && !await CaseWorkers.WorksInAsync(db, assignee, command.DepartmentId, cancellationToken))
            throw new ValidationException([new(nameof(command.AssigneeId), "Staff.Reassign.AssigneeNotInDepartment")]);

        var now = clock.GetUtcNow();
        @case.Reassign(department, command.AssigneeId, by, now, Clean(command.Note));
        if (command.AssigneeId is { } person)
            await StaffAssignment.MarkAssignedAsync(db, person, now, cancellationToken);
        else
            await StaffAssignment.AssignLeastLoadedAsync(db, @case, now, cancellationToken);
        return Unit.Value;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
