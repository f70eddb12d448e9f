using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Organisation.Commands;

/// <summary>An admin adds a department, category or service area. Its code can never change afterwards.</summary>
public sealed record CreateOrganisationEntry(
    OrganisationList List, string Code, string NameZh, string NameEn, int SortOrder, bool IsIntegrityOffice = false)
    : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.OrganisationCreate, id, $"{List} {OrganisationEntryRules.NormaliseCode(Code)}");

    public IEnumerable<ValidationError> Validate()
    {
        var code = OrganisationEntryRules.NormaliseCode(Code);
        if (code.Length == 0) yield return new(nameof(Code), "Validation.Required");
        else if (!OrganisationEntryRules.IsValidCode(code)) yield return new(nameof(Code), "Admin.Organisation.CodeFormat", OrganisationEntryRules.CodeMaxLength);
        foreach (var e in OrganisationEntryRules.ValidateNames(NameZh, NameEn, SortOrder, List)) yield return e;
    }
}

public sealed class CreateOrganisationEntryHandler(FeedbackDbContext db, OrganisationCache organisation)
    : ICommandHandler<CreateOrganisationEntry, Guid>
{
    public async ValueTask<Guid> Handle(CreateOrganisationEntry command, CancellationToken cancellationToken)
    {
        var code = OrganisationEntryRules.NormaliseCode(command.Code);
        var upper = code.ToUpperInvariant();
        if (await db.Entries(command.List).AnyAsync(e => e.Code.ToUpper() == upper, cancellationToken))
            throw new ValidationException([new(nameof(command.Code), "Admin.Organisation.CodeTaken", code)]);
        if (command.List == OrganisationList.Departments && command.IsIntegrityOffice)
            await OrganisationEntryRules.EnsureNoOtherIntegrityOfficeAsync(db, null, cancellationToken);

        var (nameZh, nameEn) = (command.NameZh.Trim(), command.NameEn.Trim());
        NamedEntity entry = command.List switch
        {
            OrganisationList.Departments => db.Departments.Add(new Department(code, nameZh, nameEn, command.IsIntegrityOffice, command.SortOrder)).Entity,
            OrganisationList.Categories => db.Categories.Add(new Category(code, nameZh, nameEn, command.SortOrder)).Entity,
            _ => db.ServiceAreas.Add(new ServiceArea(code, nameZh, nameEn, command.SortOrder)).Entity,
        };
        // After the unit of work has stored it: invalidating earlier could let a reader cache the old lists again.
        db.SavedChanges += (_, _) => organisation.Invalidate();
        return entry.Id;
    }
}
