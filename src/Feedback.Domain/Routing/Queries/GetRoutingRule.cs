using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Routing.Queries;

/// <summary>One routing rule, for the admin's edit form.</summary>
public sealed record GetRoutingRule(Guid Id) : IQuery<RoutingRuleSummary>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed class GetRoutingRuleHandler(FeedbackDbContext db) : IQueryHandler<GetRoutingRule, RoutingRuleSummary>
{
    public async ValueTask<RoutingRuleSummary> Handle(GetRoutingRule query, CancellationToken cancellationToken) =>
        await db.RoutingRules.AsNoTracking().Where(r => r.Id == query.Id).Select(RoutingRuleSummary.FromRule).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
}
