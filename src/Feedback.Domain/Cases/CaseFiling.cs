using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases;

/// <summary>
/// What every way of filing shares once the input is checked (the public form, the dispatcher, a supervisor's
/// review findings, forum suggestions): the case is created, routed by the rules, given to the least-loaded
/// member of staff, flagged when it repeats a recent complaint, held to its deadlines and added to the unit of work. One path, so every channel gets the same routing and deadlines.
/// </summary>
public static class CaseFiling
{
    /// <returns>The new case and its access PIN (in plain text only here).</returns>
    public static async Task<(Case Case, string Pin)> FileAsync(FeedbackDbContext db, OrganisationSnapshot org, WorkCalendarSource calendars,
        NewCase details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var pin = AccessPin.New();
        var @case = Case.Submit(details, await NewTrackingNumberAsync(db, calendar.ToLocal(now), cancellationToken), pin, now);
        await RepeatComplaints.FlagAsync(db, @case, cancellationToken);

        var decision = Router.Route(
            new RoutingInput(details.Kind, details.Channel, details.CategoryId, details.ServiceAreaId, @case.Subject, @case.Description, @case.AccusedDepartmentId),
            org.Rules, org.IntegrityOfficeId);
        var policy = SlaPolicy.Select(org.Policies, details.Kind, details.CategoryId, decision.Priority);
        if (policy is not null)
            @case.HoldTo(policy.DeadlinesFrom(now, calendar));
        if (org.Department(decision.DepartmentId) is { } department)
        {
            @case.Route(department, decision.Priority, CaseParticipant.System, now, org.Rules.FirstOrDefault(r => r.Id == decision.RuleId)?.Name);
            await StaffAssignment.AssignLeastLoadedAsync(db, @case, now, cancellationToken);
        }

        db.Cases.Add(@case);
        return (@case, pin);
    }

    /// <summary>
    /// The case an earlier sending of the same form filed (its <see cref="SubmissionKey"/>), if any: a form sent
    /// twice files once. No time limit: a key found always means the same form, however late it comes back.
    /// </summary>
    public static async Task<Case?> FiledWithKeyAsync(FeedbackDbContext db, string? submissionKey, CancellationToken cancellationToken) =>
        submissionKey is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionKey == submissionKey, cancellationToken);

    private static async Task<string> NewTrackingNumberAsync(FeedbackDbContext db, DateTime localNow, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var number = TrackingNumber.New(localNow);
            // Numbers filed in this same unit of work are not in the database yet.
            if (attempt >= 5 || (!db.Cases.Local.Any(c => c.TrackingNumber == number)
                && !await db.Cases.AnyAsync(c => c.TrackingNumber == number, cancellationToken)))
                return number;
        }
    }
}
