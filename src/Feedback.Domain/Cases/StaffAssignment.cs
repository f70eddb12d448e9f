using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases;

/// <summary>
/// Automatic assignment inside a department (DESIGN §3, issue 3): a case routed to a department goes to its
/// staff member with the fewest open cases; on a tie, to the one whose last assignment is longest ago (never
/// assigned counts as longest). Locked accounts and department heads are not picked: heads hand out work by
/// reassigning. A department without staff keeps the case unassigned in its queue.
/// Two filings racing for the same department may both see the same counts and pick the same person; the
/// next filing sees the result, so the balance corrects itself within a case or two.
/// </summary>
public static class StaffAssignment
{
    /// <summary>Designates the least-loaded staff member of the case's department, if there is one.</summary>
    public static async Task AssignLeastLoadedAsync(FeedbackDbContext db, Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (@case.DepartmentId is not { } departmentId || @case.Status != CaseStatus.Assigned)
            return;
        if (await InOrderOfPreference(db, departmentId, now).FirstOrDefaultAsync(cancellationToken) is not { } chosen)
            return;
        @case.Designate(chosen.Id);
        chosen.LastAssignedAt = now;
    }

    /// <summary>
    /// The department's staff, the one to pick first. One statement: each candidate's open cases are counted
    /// on the (AssigneeId, Status) index; never-assigned people sort first (NULL is least in SQLite).
    /// </summary>
    internal static IQueryable<Identity.User> InOrderOfPreference(FeedbackDbContext db, Guid departmentId, DateTimeOffset now)
    {
        var open = CaseTransitions.OpenStatuses;
        return db.Users
            .Where(u => u.DepartmentId == departmentId
                && (u.LockoutEnd == null || u.LockoutEnd <= now)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Staff)))
            .OrderBy(u => db.Cases.Count(c => c.AssigneeId == u.Id && open.Contains(c.Status)))
            .ThenBy(u => u.LastAssignedAt)
            .ThenBy(u => u.Id);
    }

    /// <summary>Records that a person was given a case by hand, so the tie-break sees it too.</summary>
    public static async Task MarkAssignedAsync(FeedbackDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Users.FindAsync([userId], cancellationToken) is { } user)
            user.LastAssignedAt = now;
    }
}
