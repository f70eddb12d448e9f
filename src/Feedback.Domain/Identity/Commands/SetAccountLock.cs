using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>An admin locks an account (it cannot sign in, and its open sessions end) or unlocks it (also clearing a lockout after failed sign-ins).</summary>
public sealed record SetAccountLock(Guid UserId, bool Locked) : ICommand<Guid>, IAuthorizedMessage, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Guid id) => new(Locked ? AuditAction.AccountLock : AuditAction.AccountUnlock, id);
}

public sealed class SetAccountLockHandler(FeedbackDbContext db, ICurrentUser admin) : ICommandHandler<SetAccountLock, Guid>
{
    public async ValueTask<Guid> Handle(SetAccountLock command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken) ?? throw new NotFoundException();
        if (command.Locked && user.Id == admin.UserId)
            throw new DomainRuleException("Admin.Users.CannotLockSelf");

        user.LockoutEnabled = true;
        user.LockoutEnd = command.Locked ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        if (command.Locked)
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        return user.Id;
    }
}
