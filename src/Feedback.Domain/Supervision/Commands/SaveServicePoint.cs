using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>An admin adds a service point (no <see cref="Id"/>) or edits one; its code never changes once made.</summary>
public sealed record SaveServicePoint(
    Guid? Id, string Code, string NameZh, string NameEn, ServicePointKind Kind, Guid ServiceAreaId, string Address, int SortOrder, bool IsActive = true)
    : ICommand<Guid>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate()
    {
        if (Id is null)
            foreach (var e in SupervisionRules.ValidateCode(Code)) yield return e;
        foreach (var e in SupervisionRules.ValidateNames(NameZh, NameEn, SortOrder)) yield return e;
        foreach (var e in Check.Defined(Kind, nameof(Kind))) yield return e;
        foreach (var e in Check.NotEmpty(ServiceAreaId, nameof(ServiceAreaId))) yield return e;
        foreach (var e in Check.Required(Address, nameof(Address), ServicePoint.AddressMaxLength)) yield return e;
    }
}

public sealed class SaveServicePointHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<SaveServicePoint, Guid>
{
    public async ValueTask<Guid> Handle(SaveServicePoint command, CancellationToken cancellationToken)
    {
        var org = await organisation.GetAsync(cancellationToken);
        if (org.Area(command.ServiceAreaId) is null)
            throw new ValidationException([new(nameof(command.ServiceAreaId), "Validation.Invalid")]);
        if (command.Id is { } id)
        {
            var point = await db.ServicePoints.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException();
            point.Update(command.NameZh, command.NameEn, command.Kind, command.ServiceAreaId, command.Address, command.SortOrder, command.IsActive);
            return point.Id;
        }
        var code = OrganisationEntryRules.NormaliseCode(command.Code);
        var upper = code.ToUpperInvariant();
        if (await db.ServicePoints.AnyAsync(p => p.Code.ToUpper() == upper, cancellationToken))
            throw new ValidationException([new(nameof(command.Code), "Admin.Organisation.CodeTaken", code)]);
        var created = new ServicePoint(code, command.NameZh, command.NameEn, command.Kind, command.ServiceAreaId, command.Address, command.SortOrder);
        if (!command.IsActive) created.SetActive(false);
        db.ServicePoints.Add(created);
        return created.Id;
    }
}
