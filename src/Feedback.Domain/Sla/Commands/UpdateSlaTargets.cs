using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Commands;

/// <summary>
/// An admin changes a policy's ContactBy and ResolveBy targets. Cases already filed keep the deadlines they
/// were given (docs/decisions/0005); new cases get the new targets.
/// </summary>
public sealed record UpdateSlaTargets(Guid Id, int ContactAmount, TargetUnit ContactUnit, int ResolveAmount, TargetUnit ResolveUnit)
    : ICommand, IAuthorizedMessage, IValidate, IAudited<Unit>
{
    /// <summary>Beyond this a target is a typing mistake, not a service commitment.</summary>
    public const int MaxHours = 2000;
    public const int MaxDays = 250;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(AuditAction.SlaPolicyUpdate, Id, $"contact {ContactAmount} {ContactUnit}, resolve {ResolveAmount} {ResolveUnit}");

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Amount(ContactAmount, ContactUnit, nameof(ContactAmount), nameof(ContactUnit))) yield return e;
        foreach (var e in Amount(ResolveAmount, ResolveUnit, nameof(ResolveAmount), nameof(ResolveUnit))) yield return e;
    }

    private static IEnumerable<ValidationError> Amount(int amount, TargetUnit unit, string amountField, string unitField)
    {
        if (!Enum.IsDefined(unit)) { yield return new(unitField, "Validation.Invalid"); yield break; }
        var max = unit == TargetUnit.WorkingHours ? MaxHours : MaxDays;
        if (amount < 1 || amount > max) yield return new(amountField, "Routing.Sla.AmountRange", 1, max);
    }
}

public sealed class UpdateSlaTargetsHandler(FeedbackDbContext db, OrganisationCache organisation, WorkCalendarSource calendars)
    : ICommandHandler<UpdateSlaTargets>
{
    public async ValueTask<Unit> Handle(UpdateSlaTargets command, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
        var contact = new SlaTarget(command.ContactAmount, command.ContactUnit);
        var resolve = new SlaTarget(command.ResolveAmount, command.ResolveUnit);
        // Hours and days compare through the length of a working day, which the calendar knows.
        var calendar = await calendars.GetAsync(db, cancellationToken);
        if (contact.WorkingMinutes(calendar) > resolve.WorkingMinutes(calendar))
            throw new ValidationException([new(nameof(command.ContactAmount), "Routing.Sla.ContactAfterResolve")]);
        policy.SetTargets(contact, resolve);
        db.SavedChanges += (_, _) => organisation.Invalidate();
        return Unit.Value;
    }
}
