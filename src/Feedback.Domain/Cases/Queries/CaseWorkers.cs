using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>Someone a case can be given to: Staff or a DepartmentHead of a department.</summary>
public sealed record CaseWorker(Guid UserId, string Name, Guid DepartmentId);

/// <summary>The people who work cases, by department (for reassigning and for checking an assignee).</summary>
internal static class CaseWorkers
{
    private static readonly string[] WorkerRoles = [Roles.Staff, Roles.DepartmentHead];

    public static Task<List<CaseWorker>> InAsync(FeedbackDbContext db, IReadOnlyCollection<Guid> departmentIds, CancellationToken cancellationToken) =>
        Workers(db)
            .Where(u => departmentIds.Contains(u.DepartmentId!.Value))
            .OrderBy(u => u.DisplayName)
            .Select(u => new CaseWorker(u.Id, u.DisplayName, u.DepartmentId!.Value))
            .ToListAsync(cancellationToken);

    public static Task<bool> WorksInAsync(FeedbackDbContext db, Guid userId, Guid departmentId, CancellationToken cancellationToken) =>
        Workers(db).AnyAsync(u => u.Id == userId && u.DepartmentId == departmentId, cancellationToken);

    private static IQueryable<Identity.User> Workers(FeedbackDbContext db) =>
        db.Users.AsNoTracking().Where(u => u.DepartmentId != null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && WorkerRoles.Contains(r.Name!))));
}
