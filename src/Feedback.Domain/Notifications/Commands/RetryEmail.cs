using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Commands;

/// <summary>An admin sends an email again that failed (a dead letter, or one still being retried).</summary>
public sealed record RetryEmail(Guid EmailId) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate() => Check.NotEmpty(EmailId, nameof(EmailId));
}

public sealed class RetryEmailHandler(FeedbackDbContext db, TimeProvider clock) : ICommandHandler<RetryEmail>
{
    public async ValueTask<Unit> Handle(RetryEmail command, CancellationToken cancellationToken)
    {
        var email = await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == command.EmailId, cancellationToken)
            ?? throw new NotFoundException();
        email.Retry(clock.GetUtcNow());
        return Unit.Value;
    }
}
