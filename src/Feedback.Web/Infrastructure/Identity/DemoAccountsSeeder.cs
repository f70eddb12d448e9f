using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>
/// Creates the roles on every start and, when Demo:SeedAccounts is true (Development, tests), the demo
/// accounts of Demo:Accounts with the password Demo:Password and confirmed addresses. Existing accounts are
/// left as they are. Runs after the organisation seeder (order 10), whose departments the accounts join.
/// </summary>
public sealed class DemoAccountsSeeder(
    FeedbackDbContext db, UserManager<User> users, RoleManager<Role> roles, IConfiguration configuration, TimeProvider clock,
    ILogger<DemoAccountsSeeder> logger) : ISeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                Ensure(await roles.CreateAsync(new Role(name)), $"role {name}");
        }

        var demo = configuration.GetSection("Demo");
        if (!demo.GetValue("SeedAccounts", false)) return;
        var password = demo["Password"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Demo:SeedAccounts is on but Demo:Password is empty; no demo accounts created");
            return;
        }

        string? passwordHash = null;
        foreach (var account in demo.GetSection("Accounts").Get<List<DemoAccount>>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(account.Email) || await users.FindByEmailAsync(account.Email) is not null) continue;
            var user = new User
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                DepartmentId = await DepartmentAsync(account, cancellationToken),
                CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            // One hash for all: hashing is deliberately slow, and every test run starts from an empty database.
            passwordHash ??= users.PasswordHasher.HashPassword(user, password);
            user.PasswordHash = passwordHash;
            Ensure(await users.CreateAsync(user), account.Email);
            Ensure(await users.AddToRolesAsync(user, account.Roles), account.Email);
        }
    }

    private async Task<Guid?> DepartmentAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(account.Department)) return null;
        var code = account.Department.ToUpperInvariant();
        var id = await db.Departments.Where(d => d.Code.ToUpper() == code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
            logger.LogWarning("Demo account {Email}: department {Department} does not exist; created without a department", account.Email, account.Department);
        return id;
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed class DemoAccount
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public string? Department { get; set; }
    }
}
