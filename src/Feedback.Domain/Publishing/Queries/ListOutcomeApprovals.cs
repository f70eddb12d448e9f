using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>
/// 待审批公示: the notices waiting for approval, oldest submission first — a department head sees their own
/// department's, an admin every department's — with the overdue rectification measures per department
/// beside them. Paged in SQL on the (DepartmentId, Status, SubmittedAt) index.
/// </summary>
public sealed record ListOutcomeApprovals(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<OutcomeApprovalInbox>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => OutcomeApprovals.MayList(user);

    public IEnumerable<ValidationError> Validate() => Paging.Validate(Page, PageSize);
}

/// <param name="CaseSubject">Only for the reader's own department: admins do not read cases (ADR 0006) and see the masked notice title.</param>
/// <param name="MayOpen">The reader heads the case's department, so the case page (where they approve or return) opens for them.</param>
public sealed record OutcomeApprovalRow(
    Guid OutcomeId, Guid CaseId, string TrackingNumber, string? CaseSubject, string PublicTitle, Guid CategoryId, Guid DepartmentId,
    string DraftedByName, DateTimeOffset? SubmittedAt, bool MayOpen);

public sealed record OutcomeApprovalInbox(PagedList<OutcomeApprovalRow> Notices, IReadOnlyList<DepartmentCount> OverdueMeasures);

public sealed class ListOutcomeApprovalsHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOutcomeApprovals, OutcomeApprovalInbox>
{
    public async ValueTask<OutcomeApprovalInbox> Handle(ListOutcomeApprovals query, CancellationToken cancellationToken)
    {
        var awaiting = OutcomeApprovals.Awaiting(db, user);
        var total = await awaiting.CountAsync(cancellationToken);
        var rows = await OutcomeApprovals.Page(db, awaiting, OutcomeApprovals.OwnDepartment(user), query.Page, query.PageSize).ToListAsync(cancellationToken);
        var overdue = await db.OverdueMeasuresByDepartment(clock.GetUtcNow(), OutcomeApprovals.Department(user))
            .ToListAsync(cancellationToken);
        return new OutcomeApprovalInbox(new PagedList<OutcomeApprovalRow>(rows, query.Page, query.PageSize, total), overdue);
    }
}

/// <summary>Who sees which notices waiting for approval; shared by the inbox and the navigation badge.</summary>
public static class OutcomeApprovals
{
    public static bool MayList(ICurrentUser user) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentHead) && user.DepartmentId is not null);

    /// <summary>The department the reader is limited to; null for an admin (every department).</summary>
    public static Guid? Department(ICurrentUser user) => user.IsInRole(Roles.Admin) ? null : user.DepartmentId;

    /// <summary>The department whose cases the reader may open and decide on (they head it).</summary>
    public static Guid? OwnDepartment(ICurrentUser user) => user.IsInRole(Roles.DepartmentHead) ? user.DepartmentId : null;

    public static IQueryable<Outcome> Awaiting(FeedbackDbContext db, ICurrentUser user)
    {
        var outcomes = db.Outcomes.AsNoTracking().Where(o => o.Status == OutcomeStatus.AwaitingApproval);
        return Department(user) is { } department ? outcomes.Where(o => o.DepartmentId == department) : outcomes;
    }

    /// <summary>One page, oldest submission first, projected with the case it belongs to (internal for the query-plan test).</summary>
    internal static IQueryable<OutcomeApprovalRow> Page(FeedbackDbContext db, IQueryable<Outcome> awaiting, Guid? ownDepartment, int page, int pageSize) =>
        // No tie-breaker on Id: the index (…, SubmittedAt) gives the order, ties in row order, without a sort step.
        from o in awaiting.OrderBy(o => o.SubmittedAt).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
        join c in db.Cases on o.CaseId equals c.Id
        orderby o.SubmittedAt
        select new OutcomeApprovalRow(o.Id, c.Id, c.TrackingNumber, o.DepartmentId == ownDepartment ? c.Subject : null, o.PublicTitle,
            o.CategoryId, o.DepartmentId, o.DraftedByName, o.SubmittedAt, o.DepartmentId == ownDepartment);
}
