using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Sla.Commands;

/// <summary>
/// The head of the case's department approves an extension (the effective deadline moves; the original one
/// stays for the KPIs) or refuses it. The note is optional and, like the request, internal.
/// </summary>
public sealed record DecideDeadlineExtension(Guid CaseId, Guid ExtensionId, bool Approve, string? Note = null)
    : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() => Check.Optional(Note, nameof(Note), DeadlineExtension.ReasonMaxLength);
}

public sealed class DecideDeadlineExtensionHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DecideDeadlineExtension>
{
    public async ValueTask<Unit> Handle(DecideDeadlineExtension command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, [Actor.DepartmentHead], cancellationToken);
        // The case's rules about extensions (one pending at a time) read them all.
        await db.Entry(@case).Collection(c => c.Extensions).LoadAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        @case.DecideExtension(command.ExtensionId, command.Approve, note, calendar, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
