using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>An admin reappoints a supervisor until <see cref="EndsOn"/>: a new term follows the last one (history kept).</summary>
public sealed record ReappointSupervisor(Guid SupervisorId, DateOnly EndsOn) : ICommand<DateOnly>, IAuthorizedMessage, IValidate, IAudited<DateOnly>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(DateOnly startsOn) => new(AuditAction.SupervisorReappoint, SupervisorId, $"{startsOn:yyyy-MM-dd}..{EndsOn:yyyy-MM-dd}");

    public IEnumerable<ValidationError> Validate()
    {
        if (EndsOn == default) yield return new(nameof(EndsOn), "Validation.Required");
    }
}

public sealed class ReappointSupervisorHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<ReappointSupervisor, DateOnly>
{
    /// <returns>The first day of the new term.</returns>
    public async ValueTask<DateOnly> Handle(ReappointSupervisor command, CancellationToken cancellationToken)
    {
        var supervisor = await db.Supervisors.Include(s => s.Terms).FirstOrDefaultAsync(s => s.Id == command.SupervisorId, cancellationToken)
            ?? throw new NotFoundException();
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        var term = supervisor.Reappoint(command.EndsOn, today, admin.UserId, clock.GetUtcNow());
        return term.StartsOn;
    }
}
