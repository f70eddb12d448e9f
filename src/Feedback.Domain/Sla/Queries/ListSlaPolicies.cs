using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Queries;

/// <summary>The SLA policies in the order they are tried, for the admin page.</summary>
public sealed record ListSlaPolicies : IQuery<IReadOnlyList<SlaPolicySummary>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record SlaPolicySummary(
    Guid Id, int Order, string Name, IReadOnlyList<CaseKind> Kinds, IReadOnlyList<Guid> CategoryIds, IReadOnlyList<Priority> Priorities,
    SlaTarget ContactTarget, SlaTarget ResolveTarget)
{
    public bool IsFallback => Kinds.Count == 0 && CategoryIds.Count == 0 && Priorities.Count == 0;
}

public sealed class ListSlaPoliciesHandler(FeedbackDbContext db) : IQueryHandler<ListSlaPolicies, IReadOnlyList<SlaPolicySummary>>
{
    public async ValueTask<IReadOnlyList<SlaPolicySummary>> Handle(ListSlaPolicies query, CancellationToken cancellationToken)
    {
        var policies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken);
        // A fallback is used only when nothing else matches, whatever its place: list it where it acts, last.
        return policies.OrderBy(p => p.IsFallback)
            .Select(p => new SlaPolicySummary(p.Id, p.Order, p.Name, p.Kinds, p.CategoryIds, p.Priorities, p.ContactTarget, p.ResolveTarget))
            .ToList();
    }
}
