using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Queries;

/// <summary>The admin's list of accounts: search by email or name, one page at a time, newest first.</summary>
public sealed record ListUsers(string? Search, int Page = 1) : IQuery<UserPage>, IAuthorizedMessage
{
    public const int PageSize = 25;
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record UserPage(IReadOnlyList<UserSummary> Users, int Page, int PageCount, int Total);

public sealed record UserSummary(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId,
    bool IsLocked, bool EmailConfirmed, bool TwoFactorEnabled);

public sealed class ListUsersHandler(FeedbackDbContext db, ILookupNormalizer normalizer, TimeProvider clock) : IQueryHandler<ListUsers, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var emailPattern = "%" + EscapeLike(normalizer.NormalizeEmail(term) ?? term) + "%";
            var namePattern = "%" + EscapeLike(term) + "%";
            users = users.Where(u => EF.Functions.Like(u.NormalizedEmail!, emailPattern, "\\") || EF.Functions.Like(u.DisplayName, namePattern, "\\"));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ListUsers.PageSize - 1) / ListUsers.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await users
            .OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((page - 1) * ListUsers.PageSize).Take(ListUsers.PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.DepartmentId, IsLocked = u.LockoutEnd != null && u.LockoutEnd > now, u.EmailConfirmed, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);

        var summaries = rows.Select(r => new UserSummary(r.Id, r.Email ?? "", r.DisplayName, Ordered(roles[r.Id]), r.DepartmentId, r.IsLocked, r.EmailConfirmed, r.TwoFactorEnabled)).ToList();
        return new UserPage(summaries, page, pageCount, total);
    }

    internal static IReadOnlyList<string> Ordered(IEnumerable<string> roles) =>
        roles.OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList();

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
