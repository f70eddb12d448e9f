using Feedback.Domain.Cases;
using Feedback.Domain.Data;

namespace Feedback.Domain.Rectification;

/// <summary>The outcome figures of the monthly report (DESIGN §5), as queries for the reporting code to aggregate in SQL.</summary>
public static class OutcomeReports
{
    private static readonly MeasureStatus[] Undone = [MeasureStatus.Planned, MeasureStatus.InProgress];

    /// <summary>How many measures are overdue at <paramref name="at"/> in each department (grouped in SQL), optionally one department only.</summary>
    public static IQueryable<DepartmentCount> OverdueMeasuresByDepartment(this FeedbackDbContext db, DateTimeOffset at, Guid? departmentId = null) =>
        from m in db.OverdueMeasures(at)
        where departmentId == null || m.DepartmentId == departmentId
        group m by m.DepartmentId into department
        select new DepartmentCount(department.Key, department.Count());

    /// <summary>"Suggestions adopted" (采纳合理化建议): ids of suggestions closed in [start, end) whose decision is "adopted" (both sides indexed).</summary>
    public static IQueryable<Guid> AdoptedSuggestionsClosed(this FeedbackDbContext db, DateTimeOffset start, DateTimeOffset end) =>
        from c in db.Cases
        where c.Kind == CaseKind.Suggestion && c.ClosedAt >= start && c.ClosedAt < end
        join d in db.SuggestionDecisions on c.Id equals d.CaseId
        where d.Verdict == SuggestionVerdict.Adopted
        select c.Id;

    /// <summary>Measures overdue at <paramref name="at"/>: not done and past their due date (index Status, DueAt), with their department.</summary>
    public static IQueryable<OverdueMeasure> OverdueMeasures(this FeedbackDbContext db, DateTimeOffset at) =>
        from m in db.RectificationMeasures
        // IN rather than "<> Done": a list of equalities lets SQLite seek the (Status, DueAt) index.
        where Undone.Contains(m.Status) && m.DueAt <= at
        join r in db.Rectifications on m.RectificationId equals r.Id
        select new OverdueMeasure { MeasureId = m.Id, CaseId = r.CaseId, DepartmentId = r.DepartmentId, OwnerUserId = m.OwnerUserId, DueAt = m.DueAt };
}

public sealed record DepartmentCount(Guid DepartmentId, int Count);

/// <summary>Member-initialised (not positional) so that queries can go on filtering and grouping it in SQL.</summary>
public sealed record OverdueMeasure
{
    public Guid MeasureId { get; init; }
    public Guid CaseId { get; init; }
    public Guid DepartmentId { get; init; }
    public Guid OwnerUserId { get; init; }
    public DateTimeOffset DueAt { get; init; }
}
