using Feedback.Domain.Cases;
using Feedback.Domain.Data;

namespace Feedback.Domain.Rectification;

/// <summary>The outcome figures of the monthly report (DESIGN §5), as queries for the reporting code to aggregate in SQL.</summary>
public static class OutcomeReports
{
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
        where m.Status != MeasureStatus.Done && m.DueAt <= at
        join r in db.Rectifications on m.RectificationId equals r.Id
        select new OverdueMeasure { MeasureId = m.Id, CaseId = r.CaseId, DepartmentId = r.DepartmentId, OwnerUserId = m.OwnerUserId, DueAt = m.DueAt };
}

/// <summary>Member-initialised (not positional) so that queries can go on filtering and grouping it in SQL.</summary>
public sealed record OverdueMeasure
{
    public Guid MeasureId { get; init; }
    public Guid CaseId { get; init; }
    public Guid DepartmentId { get; init; }
    public Guid OwnerUserId { get; init; }
    public DateTimeOffset DueAt { get; init; }
}
