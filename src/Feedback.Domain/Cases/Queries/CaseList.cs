using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>A name of the organisation's reference data in both languages; the page picks one.</summary>
public sealed record LocalName(string Zh, string En)
{
    public string In(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Zh;

    public static LocalName? Of(NamedEntity? entity) => entity is null ? null : new(entity.NameZh, entity.NameEn);
}

/// <summary>One row of a case list (department queue, triage, search).</summary>
public sealed record CaseListItem
{
    public Guid Id { get; init; }
    public string TrackingNumber { get; init; } = "";
    public string Subject { get; init; } = "";
    public CaseKind Kind { get; init; }
    public Channel Channel { get; init; }
    public CaseStatus Status { get; init; }
    public Priority Priority { get; init; }
    public LocalName Category { get; init; } = new("", "");
    public LocalName Area { get; init; } = new("", "");
    public LocalName? Department { get; init; }
    /// <summary>For a misconduct report: the department it accuses (never to be routed there).</summary>
    public Guid? AccusedDepartmentId { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ContactBy { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
    /// <summary>How far up the escalation ladder the case is (the colour turns amber once it is warned).</summary>
    public Sla.EscalationLevel Escalation { get; init; }
    public string? AssigneeName { get; init; }
}

/// <summary>One page of a case list, with the number of matching cases in all.</summary>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class CaseList
{
    public const int PageSize = 25;
    /// <summary>Far beyond any real list; keeps the row offset from overflowing.</summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// Statuses in which the organisation owes the decision and the resolution clock runs: these, and only
    /// these, can be overdue. (AwaitingInfo pauses the clock; Resolved has been answered.)
    /// </summary>
    public static readonly IReadOnlyList<CaseStatus> ClockRunning =
        [CaseStatus.Submitted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened];

    public static IEnumerable<ValidationError> ValidatePage(int page)
    {
        if (page is < 1 or > MaxPage) yield return new("Page", "Staff.Validation.Page", MaxPage);
    }

    /// <summary>Joins the names each row shows, in the same SQL statement (no query per row).</summary>
    internal static IQueryable<CaseListItem> Project(this IQueryable<Case> cases, FeedbackDbContext db) =>
        from c in cases
        join category in db.Categories on c.CategoryId equals category.Id
        join area in db.ServiceAreas on c.ServiceAreaId equals area.Id
        join d in db.Departments on c.DepartmentId equals (Guid?)d.Id into departments
        from department in departments.DefaultIfEmpty()
        join u in db.Users on c.AssigneeId equals (Guid?)u.Id into assignees
        from assignee in assignees.DefaultIfEmpty()
        select new CaseListItem
        {
            Id = c.Id,
            TrackingNumber = c.TrackingNumber,
            Subject = c.Subject,
            Kind = c.Kind,
            Channel = c.Channel,
            Status = c.Status,
            Priority = c.Priority,
            Category = new LocalName(category.NameZh, category.NameEn),
            Area = new LocalName(area.NameZh, area.NameEn),
            Department = department == null ? null : new LocalName(department.NameZh, department.NameEn),
            AccusedDepartmentId = c.AccusedDepartmentId,
            SubmittedAt = c.SubmittedAt,
            ContactBy = c.ContactBy,
            ResolveBy = c.ResolveBy,
            Escalation = c.EscalationLevel,
            AssigneeName = assignee == null ? null : assignee.DisplayName,
        };

    /// <summary>Counts the matches, then fetches one page of rows in the given order.</summary>
    internal static async Task<CasePage> PageAsync(
        this IQueryable<Case> filtered, FeedbackDbContext db, Func<IQueryable<Case>, IOrderedQueryable<Case>> order, int page, CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var items = await order(filtered).Skip((page - 1) * PageSize).Take(PageSize).Project(db).ToListAsync(cancellationToken);
        return new CasePage(items, total, page, PageSize);
    }
}
