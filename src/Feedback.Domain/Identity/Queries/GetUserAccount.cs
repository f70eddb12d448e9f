using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Queries;

/// <summary>One account as the admin's edit page shows it.</summary>
public sealed record GetUserAccount(Guid UserId) : IQuery<UserAccount>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record UserAccount(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId, DateTimeOffset? LockedUntil,
    bool EmailConfirmed, bool TwoFactorEnabled, bool MustSetUpTwoFactor, DateTimeOffset CreatedAt)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public sealed class GetUserAccountHandler(FeedbackDbContext db) : IQueryHandler<GetUserAccount, UserAccount>
{
    public async ValueTask<UserAccount> Handle(GetUserAccount query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.UserId, cancellationToken) ?? throw new NotFoundException();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return new UserAccount(user.Id, user.Email ?? "", user.DisplayName, ListUsersHandler.Ordered(roles), user.DepartmentId, user.LockoutEnd,
            user.EmailConfirmed, user.TwoFactorEnabled, user.MustSetUpTwoFactor, user.CreatedAt);
    }
}
