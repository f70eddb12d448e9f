using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification;

/// <summary>The first steps of the rectification commands: the case as its handlers act on it, and its record.</summary>
internal static class RectificationLoader
{
    public static Task<(Case Case, CaseParticipant By)> LoadCaseForHandlersAsync(this FeedbackDbContext db, Guid caseId, ICurrentUser user,
        CancellationToken cancellationToken) =>
        db.LoadForAsync(caseId, user, CaseLoader.Handlers, cancellationToken);

    public static Task<CaseRectification?> FindRectificationAsync(this FeedbackDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Rectifications
            .Include(r => r.Measures).ThenInclude(m => m.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);

    public static async Task<CaseRectification> LoadRectificationAsync(this FeedbackDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.FindRectificationAsync(caseId, cancellationToken)
        ?? throw new DomainRuleException("Outcomes.Rectification.NotRecorded");

    /// <summary>The end of a local day (the next midnight in the organisation's zone) as an instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight)).ToUniversalTime();
    }

    public static async Task<TimeZoneInfo> ZoneAsync(this WorkCalendarSource calendars, FeedbackDbContext db, CancellationToken cancellationToken) =>
        (await calendars.GetAsync(db, cancellationToken)).TimeZone;
}
