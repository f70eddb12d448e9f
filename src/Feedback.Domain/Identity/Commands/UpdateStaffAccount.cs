using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>
/// An admin changes someone's staff roles and department. Roles that are not handed out here (Customer,
/// Supervisor) stay as they are. An admin cannot take away their own Admin role (someone must remain).
/// </summary>
public sealed record UpdateStaffAccount(Guid UserId, IReadOnlyList<string> Roles, Guid? DepartmentId)
    : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Common.Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.AccountRoles, id, StaffAccountAudit.RoleSummary(Roles, DepartmentId));

    public IEnumerable<ValidationError> Validate() => AccountRules.ValidateStaffRoles(Roles, DepartmentId, atLeastOne: false);
}

public sealed class UpdateStaffAccountHandler(FeedbackDbContext db, ICurrentUser admin) : ICommandHandler<UpdateStaffAccount, Guid>
{
    public async ValueTask<Guid> Handle(UpdateStaffAccount command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken) ?? throw new NotFoundException();
        var held = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { Link = ur, r.Name })
            .ToListAsync(cancellationToken);
        var wanted = command.Roles.Distinct().ToHashSet();
        if (user.Id == admin.UserId && held.Any(h => h.Name == Roles.Admin) && !wanted.Contains(Roles.Admin))
            throw new DomainRuleException("Admin.Users.CannotRemoveOwnAdmin");
        await StaffAccounts.CheckDepartmentAsync(db, command.DepartmentId, cancellationToken);

        var removed = held.Where(h => AccountRules.AssignableRoles.Contains(h.Name!) && !wanted.Contains(h.Name!)).ToList();
        var added = wanted.Where(r => held.All(h => h.Name != r)).ToList();
        db.UserRoles.RemoveRange(removed.Select(h => h.Link));
        await StaffAccounts.GrantAsync(db, user.Id, added, cancellationToken);

        if (removed.Count > 0 || added.Count > 0 || user.DepartmentId != command.DepartmentId)
        {
            user.DepartmentId = command.DepartmentId;
            // The roles and department live in the person's sign-in cookie; a new stamp makes it be re-issued.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        if (added.Count > 0 && !user.TwoFactorEnabled)
            user.MustSetUpTwoFactor = true;
        return user.Id;
    }
}
