using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>
/// A customer deletes their account (DESIGN §6). Their cases stay for the department's records and statistics;
/// the database's SET NULL on Case.SubmitterUserId cuts the link to the person. Staff accounts are closed by an admin.
/// </summary>
public sealed partial record DeleteOwnAccount : ICommand<Guid>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => CanDelete(user);

    public static bool CanDelete(ICurrentUser user) =>
        user.IsAuthenticated && user.IsInRole(Roles.Customer) && !Roles.All.Any(r => r != Roles.Customer && user.IsInRole(r));
}

public sealed class DeleteOwnAccountHandler(FeedbackDbContext db, ICurrentUser current) : ICommandHandler<DeleteOwnAccount, Guid>
{
    public async ValueTask<Guid> Handle(DeleteOwnAccount command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == current.UserId, cancellationToken) ?? throw new NotFoundException();
        db.Users.Remove(user);
        return user.Id;
    }
}
