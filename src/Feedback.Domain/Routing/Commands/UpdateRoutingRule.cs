using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Routing.Commands;

/// <summary>
/// An admin changes a rule's name, conditions, department or priority. Cases already routed stay where they
/// are; only new cases follow the changed rule.
/// </summary>
public sealed record UpdateRoutingRule(Guid Id, RoutingRuleFields Rule) : ICommand, IAuthorizedMessage, IValidate, IAudited<Unit>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(AuditAction.RoutingRuleUpdate, Id);

    public IEnumerable<ValidationError> Validate() => Rule.Validate();
}

public sealed class UpdateRoutingRuleHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<UpdateRoutingRule>
{
    public async ValueTask<Unit> Handle(UpdateRoutingRule command, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
        await command.Rule.CheckReferencesAsync(db, cancellationToken);
        command.Rule.ApplyTo(rule);
        db.InvalidateAfterSave(organisation);
        return Unit.Value;
    }
}
