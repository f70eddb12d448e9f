using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Routing.Commands;

/// <summary>An admin adds a routing rule; it goes to the end of the list (move it up to make it win sooner).</summary>
public sealed record AddRoutingRule(RoutingRuleFields Rule) : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.RoutingRuleCreate, id);

    public IEnumerable<ValidationError> Validate() => Rule.Validate();
}

public sealed class AddRoutingRuleHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<AddRoutingRule, Guid>
{
    public async ValueTask<Guid> Handle(AddRoutingRule command, CancellationToken cancellationToken)
    {
        await command.Rule.CheckReferencesAsync(db, cancellationToken);
        var rules = await RuleList.LoadAsync(db, cancellationToken);
        RuleList.Renumber(rules);
        var rule = new RoutingRule(command.Rule.Name, rules.Count + 1, command.Rule.DepartmentId, command.Rule.Priority, command.Rule.NameEn);
        command.Rule.ApplyTo(rule);
        db.RoutingRules.Add(rule);
        db.InvalidateAfterSave(organisation);
        return rule.Id;
    }
}
