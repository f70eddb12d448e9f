using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>A member of staff an email goes to, in their own language.</summary>
internal sealed record StaffRecipient(Guid UserId, string Email, string DisplayName, string PreferredCulture)
{
    public bool ReadsEnglish => PreferredCulture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Which accounts hear of something: those that can read mail now (an address, not locked out), by role and department.</summary>
internal static class StaffRecipients
{
    public static IQueryable<User> Reachable(FeedbackDbContext db, DateTimeOffset now) =>
        db.Users.AsNoTracking().Where(u => u.Email != null && u.Email != "" && (u.LockoutEnd == null || u.LockoutEnd <= now));

    /// <summary>Ids of the department's heads (a subquery: compose it, do not run it).</summary>
    public static IQueryable<Guid> HeadsOf(FeedbackDbContext db, Guid departmentId) =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.DepartmentHead && user.DepartmentId == departmentId
        select user.Id;

    public static Task<List<StaffRecipient>> ListAsync(IQueryable<User> users, CancellationToken cancellationToken) =>
        users.OrderBy(u => u.Email)
            .Select(u => new StaffRecipient(u.Id, u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
}
