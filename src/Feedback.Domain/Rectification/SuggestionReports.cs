using Feedback.Domain.Cases;
using Feedback.Domain.Data;

namespace Feedback.Domain.Rectification;

/// <summary>"Suggestions adopted" (采纳合理化建议, DESIGN §5) for reports: suggestions closed in a period with decision adopted.</summary>
public static class SuggestionReports
{
    /// <summary>The ids of suggestions closed in [start, end) whose decision is "adopted" (both sides indexed).</summary>
    public static IQueryable<Guid> AdoptedSuggestionsClosed(this FeedbackDbContext db, DateTimeOffset start, DateTimeOffset end) =>
        from c in db.Cases
        where c.Kind == CaseKind.Suggestion && c.ClosedAt >= start && c.ClosedAt < end
        join d in db.SuggestionDecisions on c.Id equals d.CaseId
        where d.Verdict == SuggestionVerdict.Adopted
        select c.Id;
}
