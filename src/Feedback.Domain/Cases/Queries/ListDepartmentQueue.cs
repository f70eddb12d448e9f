using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

public enum QueueSort { Urgency, Newest, Oldest }

/// <summary>
/// The queue of the user's own department (Staff and DepartmentHeads see no other), filtered and sorted
/// as the queue page asks, one page at a time. No status means every open status.
/// </summary>
public sealed record ListDepartmentQueue(
    CaseStatus? Status = null,
    Guid? CategoryId = null,
    Guid? ServiceAreaId = null,
    bool OverdueOnly = false,
    bool AssignedToMe = false,
    QueueSort Sort = QueueSort.Urgency,
    int Page = 1) : IQuery<CasePage>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) =>
        user.DepartmentId is not null && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead));

    public IEnumerable<ValidationError> Validate()
    {
        if (Status is { } status) foreach (var e in Check.Defined(status, nameof(Status))) yield return e;
        foreach (var e in Check.Defined(Sort, nameof(Sort))) yield return e;
        foreach (var e in CaseList.ValidatePage(Page)) yield return e;
    }
}

public sealed class ListDepartmentQueueHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListDepartmentQueue, CasePage>
{
    public async ValueTask<CasePage> Handle(ListDepartmentQueue query, CancellationToken cancellationToken) =>
        await Filter(db, query, user.DepartmentId!.Value, user.UserId, clock.GetUtcNow())
            .PageAsync(db, cases => Order(cases, query.Sort), query.Page, cancellationToken);

    /// <summary>The WHERE of the queue (internal so that a test can read the query plan SQLite makes of it).</summary>
    internal static IQueryable<Case> Filter(FeedbackDbContext db, ListDepartmentQueue query, Guid departmentId, Guid? userId, DateTimeOffset now)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.DepartmentId == departmentId);
        // With no status asked for, the queue is the work still open; closed and rejected cases are asked for by name.
        var statuses = query.Status is { } status ? [status] : CaseTransitions.OpenStatuses;
        cases = cases.Where(c => statuses.Contains(c.Status));
        if (query.CategoryId is { } category) cases = cases.Where(c => c.CategoryId == category);
        if (query.ServiceAreaId is { } area) cases = cases.Where(c => c.ServiceAreaId == area);
        if (query.OverdueOnly) cases = cases.Where(c => c.ResolveBy < now && CaseList.ClockRunning.Contains(c.Status));
        if (query.AssignedToMe) cases = cases.Where(c => c.AssigneeId == userId);
        return cases;
    }

    internal static IOrderedQueryable<Case> Order(IQueryable<Case> cases, QueueSort sort) => sort switch
    {
        QueueSort.Newest => cases.OrderByDescending(c => c.SubmittedAt).ThenBy(c => c.Id),
        QueueSort.Oldest => cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id),
        // Most urgent first: nearest resolution deadline; cases without one after all others.
        _ => cases.OrderBy(c => c.ResolveBy == null).ThenBy(c => c.ResolveBy).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Id),
    };
}
