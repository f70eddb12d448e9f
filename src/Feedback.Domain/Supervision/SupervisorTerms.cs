using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision;

/// <summary>
/// Whether the current user is serving a supervisor's term today. Asked wherever a supervisor's rights are
/// decided (their commands and queries, and the web's page policy), so rights end with the term by themselves.
/// </summary>
public static class SupervisorTerms
{
    /// <summary>Today in the organisation's time zone (terms are calendar dates there).</summary>
    public static async Task<DateOnly> TodayAsync(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        return DateOnly.FromDateTime(calendar.ToLocal(clock.GetUtcNow()));
    }

    public static Task<bool> IsServingAsync(this FeedbackDbContext db, Guid userId, DateOnly today, CancellationToken cancellationToken) =>
        db.SupervisorTerms.AnyAsync(t => t.StartsOn <= today && t.EndsOn >= today
            && db.Supervisors.Any(s => s.Id == t.SupervisorId && s.UserId == userId), cancellationToken);

    /// <summary>Refuses (403) a user who is not serving a term today; returns today for the caller's use.</summary>
    public static async Task<DateOnly> EnsureServingAsync(this FeedbackDbContext db, ICurrentUser user, WorkCalendarSource calendars,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(db, calendars, clock, cancellationToken);
        if (user.UserId is not { } id || !user.IsInRole(Roles.Supervisor) || !await db.IsServingAsync(id, today, cancellationToken))
            throw new ForbiddenException("Supervision.NotServing");
        return today;
    }

    /// <summary>
    /// A finding is verified by the supervisor who raised it only while they serve: the submitter's commands
    /// (ConfirmResolution / RejectResolution) ask this, so no page can be the way round it. After the term the
    /// finding closes by the 7-day rule like any unanswered verification.
    /// </summary>
    public static async Task EnsureFindingVerifierServingAsync(this FeedbackDbContext db, Case @case, CaseParticipant who, ICurrentUser user,
        WorkCalendarSource calendars, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (@case.Kind == CaseKind.SupervisionFinding && who.Is(Actor.Submitter))
            await db.EnsureServingAsync(user, calendars, clock, cancellationToken);
    }
}
