using System.Linq.Expressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Routing.Queries;

/// <summary>The routing rules in order, as stored (not the cached copy routing uses), for the admin list.</summary>
public sealed record ListRoutingRules : IQuery<IReadOnlyList<RoutingRuleSummary>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record RoutingRuleSummary(
    Guid Id, int Order, string Name, bool IsEnabled,
    IReadOnlyList<CaseKind> Kinds, IReadOnlyList<Guid> CategoryIds, IReadOnlyList<Guid> AreaIds, IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Keywords, Guid DepartmentId, Priority Priority, string? NameEn = null)
{
    public bool HasConditions => Kinds.Count + CategoryIds.Count + AreaIds.Count + Channels.Count + Keywords.Count > 0;

    internal static readonly Expression<Func<RoutingRule, RoutingRuleSummary>> FromRule = r =>
        new RoutingRuleSummary(r.Id, r.Order, r.Name, r.IsEnabled, r.Kinds, r.CategoryIds, r.AreaIds, r.Channels, r.Keywords, r.DepartmentId, r.Priority, r.NameEn);
}

public sealed class ListRoutingRulesHandler(FeedbackDbContext db) : IQueryHandler<ListRoutingRules, IReadOnlyList<RoutingRuleSummary>>
{
    public async ValueTask<IReadOnlyList<RoutingRuleSummary>> Handle(ListRoutingRules query, CancellationToken cancellationToken) =>
        await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).Select(RoutingRuleSummary.FromRule).ToListAsync(cancellationToken);
}
