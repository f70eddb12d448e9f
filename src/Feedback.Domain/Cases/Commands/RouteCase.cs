using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>The dispatcher routes a case from the triage queue by hand: which department, how urgent.</summary>
public sealed record RouteCase(Guid CaseId, Guid DepartmentId, Priority Priority, string? Note = null)
    : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() =>
        Check.NotEmpty(DepartmentId, nameof(DepartmentId))
            .Concat(Check.Defined(Priority, nameof(Priority)))
            .Concat(Check.Optional(Note, nameof(Note), Case.TextMaxLength));
}

public sealed class RouteCaseHandler(FeedbackDbContext db, OrganisationCache organisation, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RouteCase>
{
    public async ValueTask<Unit> Handle(RouteCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, [Actor.Dispatcher], cancellationToken);
        var org = await organisation.GetAsync(cancellationToken);
        if (org.Department(command.DepartmentId) is not { IsActive: true } department)
            throw new ValidationException([new(nameof(command.DepartmentId), "Validation.Invalid")]);

        var now = clock.GetUtcNow();
        @case.Route(department, command.Priority, by, now, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim());
        await StaffAssignment.AssignLeastLoadedAsync(db, @case, now, cancellationToken);
        return Unit.Value;
    }
}
