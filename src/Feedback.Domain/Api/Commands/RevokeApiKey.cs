using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Commands;

/// <summary>An admin revokes a key: from the next request on, it is refused with 403. Revoking twice is harmless.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand, IAuthorizedMessage, IAudited<Unit>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(AuditAction.ApiKeyRevoke, Id);
}

public sealed class RevokeApiKeyHandler(FeedbackDbContext db, TimeProvider clock) : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
        key.Revoke(clock.GetUtcNow());
        return Unit.Value;
    }
}
