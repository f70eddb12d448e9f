using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// The dispatcher refuses a case from the triage queue, telling the submitter why (the note is public).
/// A duplicate names the case handled in its place by tracking number.
/// </summary>
public sealed record RejectCase(Guid CaseId, RejectionReason Reason, string Note, string? DuplicateOf = null)
    : ICommand, IAuthorizedMessage, IValidate
{
    public const int TrackingNumberMaxLength = 20;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Defined(Reason, nameof(Reason))) yield return e;
        foreach (var e in Check.Required(Note, nameof(Note), Case.TextMaxLength)) yield return e;
        if (Reason == RejectionReason.Duplicate)
            foreach (var e in Check.Required(DuplicateOf, nameof(DuplicateOf), TrackingNumberMaxLength)) yield return e;
    }
}

public sealed class RejectCaseHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectCase>
{
    public async ValueTask<Unit> Handle(RejectCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, [Actor.Dispatcher], cancellationToken);
        Guid? masterId = null;
        if (command.Reason == RejectionReason.Duplicate)
        {
            var number = TrackingNumber.Normalise(command.DuplicateOf);
            var master = await db.Cases.AsNoTracking()
                .Where(c => c.TrackingNumber == number)
                .Select(c => new { c.Id, c.MasterCaseId })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new(nameof(command.DuplicateOf), "Staff.Reject.MasterNotFound", number)]);
            if (master.Id == @case.Id)
                throw new ValidationException([new(nameof(command.DuplicateOf), "Case.DuplicateOfItself")]);
            // Link to the case that is really handled, so that duplicates never form chains.
            masterId = master.MasterCaseId ?? master.Id;
        }
        @case.Reject(command.Reason, command.Note.Trim(), masterId, by, clock.GetUtcNow());
        return Unit.Value;
    }
}
