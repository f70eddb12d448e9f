using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;

namespace Feedback.Domain.Routing.Commands;

public enum MoveDirection { Up, Down }

/// <summary>
/// An admin swaps a rule with the one above or below it. The list is renumbered 1…n on the way, so the
/// orders stay contiguous; moving the first rule up or the last one down changes nothing.
/// </summary>
public sealed record MoveRoutingRule(Guid Id, MoveDirection Direction) : ICommand, IAuthorizedMessage, IValidate, IAudited<Unit>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Unit _) => new(AuditAction.RoutingRuleMove, Id, Direction.ToString());

    public IEnumerable<ValidationError> Validate() => Check.Defined(Direction, nameof(Direction));
}

public sealed class MoveRoutingRuleHandler(FeedbackDbContext db, OrganisationCache organisation) : ICommandHandler<MoveRoutingRule>
{
    public async ValueTask<Unit> Handle(MoveRoutingRule command, CancellationToken cancellationToken)
    {
        var rules = await RuleList.LoadAsync(db, cancellationToken);
        var index = rules.IndexOf(RuleList.Find(rules, command.Id));
        var other = command.Direction == MoveDirection.Up ? index - 1 : index + 1;
        if (other >= 0 && other < rules.Count)
            (rules[index], rules[other]) = (rules[other], rules[index]);
        RuleList.Renumber(rules);
        db.InvalidateAfterSave(organisation);
        return Unit.Value;
    }
}
