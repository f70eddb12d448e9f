using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Routing.Commands;

/// <summary>An admin switches a rule off (routing skips it, it keeps its place) or on again.</summary>
public sealed record EnableRoutingRule(Guid Id, bool Enabled) : ICommand, IAuthorizedMessage, IAudited<Unit>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(Enabled ? AuditAction.RoutingRuleEnable : AuditAction.RoutingRuleDisable, Id);
}

public sealed class EnableRoutingRuleHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<EnableRoutingRule>
{
    public async ValueTask<Unit> Handle(EnableRoutingRule command, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
        rule.Enable(command.Enabled);
        db.InvalidateAfterSave(organisation);
        return Unit.Value;
    }
}
