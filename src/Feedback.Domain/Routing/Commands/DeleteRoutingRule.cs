using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Routing.Commands;

/// <summary>
/// An admin deletes a rule; the rules below it move up one place. Cases it routed keep their department
/// (and their timeline keeps the rule's name).
/// </summary>
public sealed record DeleteRoutingRule(Guid Id) : ICommand, IAuthorizedMessage, IAudited<Unit>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(AuditAction.RoutingRuleDelete, Id);
}

public sealed class DeleteRoutingRuleHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<DeleteRoutingRule>
{
    public async ValueTask<Unit> Handle(DeleteRoutingRule command, CancellationToken cancellationToken)
    {
        var rules = await RuleList.LoadAsync(db, cancellationToken);
        var rule = RuleList.Find(rules, command.Id);
        rules.Remove(rule);
        db.RoutingRules.Remove(rule);
        RuleList.Renumber(rules);
        db.InvalidateAfterSave(organisation);
        return Unit.Value;
    }
}
