using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Sla.Commands;

/// <summary>
/// Staff ask the head of the case's department for <see cref="WorkingDays"/> more working days to resolve
/// it, saying why. Nothing moves until the head approves.
/// </summary>
public sealed record RequestDeadlineExtension(Guid CaseId, int WorkingDays, string Reason) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate()
    {
        if (WorkingDays is < 1 or > DeadlineExtension.MaxWorkingDays)
            yield return new(nameof(WorkingDays), "Deadlines.Extension.Days", 1, DeadlineExtension.MaxWorkingDays);
        foreach (var e in Check.Required(Reason, nameof(Reason), DeadlineExtension.ReasonMaxLength)) yield return e;
    }
}

public sealed class RequestDeadlineExtensionHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestDeadlineExtension>
{
    public async ValueTask<Unit> Handle(RequestDeadlineExtension command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        // The case's rules about extensions (one pending at a time) read them all.
        await db.Entry(@case).Collection(c => c.Extensions).LoadAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        @case.RequestExtension(command.WorkingDays, command.Reason.Trim(), calendar, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
