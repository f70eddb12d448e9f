using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Organisation.Commands;

/// <summary>
/// An admin renames an entry, moves it in the lists, or (de)activates it. Inactive entries stay on the
/// cases that use them but are no longer offered for new ones.
/// </summary>
public sealed record UpdateOrganisationEntry(
    OrganisationList List, Guid Id, string NameZh, string NameEn, int SortOrder, bool IsActive, bool IsIntegrityOffice = false)
    : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.OrganisationUpdate, id, $"{List}{(IsActive ? "" : ", inactive")}");

    public IEnumerable<ValidationError> Validate() =>
        OrganisationEntryRules.ValidateNames(NameZh, NameEn, SortOrder, List);
}

public sealed class UpdateOrganisationEntryHandler(FeedbackDbContext db, OrganisationCache organisation)
    : ICommandHandler<UpdateOrganisationEntry, Guid>
{
    public async ValueTask<Guid> Handle(UpdateOrganisationEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.Entries(command.List).FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException();
        entry.Rename(command.NameZh, command.NameEn);
        entry.MoveTo(command.SortOrder);
        entry.SetActive(command.IsActive);
        if (entry is Department department)
        {
            if (command.IsIntegrityOffice)
                await OrganisationEntryRules.EnsureNoOtherIntegrityOfficeAsync(db, department.Id, cancellationToken);
            department.MarkIntegrityOffice(command.IsIntegrityOffice);
        }
        db.SavedChanges += (_, _) => organisation.Invalidate();
        return entry.Id;
    }
}
