using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>
/// A customer deletes their account (DESIGN §6). Their cases stay for the department's records and statistics,
/// but without them: each case forgets their contact details and their name on its timeline
/// (<see cref="Case.ForgetSubmitter"/>), and the database's SET NULL on Case.SubmitterUserId cuts the link to
/// the account. Everything in one transaction. Staff accounts are closed by an admin.
/// </summary>
public sealed partial record DeleteOwnAccount : ICommand<Guid>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => CanDelete(user);

    public static bool CanDelete(ICurrentUser user) =>
        user.IsAuthenticated && user.IsInRole(Roles.Customer) && !Roles.All.Any(r => r != Roles.Customer && user.IsInRole(r));
}

public sealed class DeleteOwnAccountHandler(FeedbackDbContext db, ICurrentUser current, TimeProvider clock) : ICommandHandler<DeleteOwnAccount, Guid>
{
    public async ValueTask<Guid> Handle(DeleteOwnAccount command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == current.UserId, cancellationToken) ?? throw new NotFoundException();
        var now = clock.GetUtcNow();
        var cases = await db.Cases.Include(c => c.Events).Where(c => c.SubmitterUserId == user.Id).ToListAsync(cancellationToken);
        foreach (var @case in cases)
            @case.ForgetSubmitter(user.Id, now);
        db.Users.Remove(user);
        return user.Id;
    }
}
