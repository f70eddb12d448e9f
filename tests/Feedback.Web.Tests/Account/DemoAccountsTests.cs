using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Account;

public sealed class DemoAccountsTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    [Theory]
    [InlineData("admin@demo.local", Roles.Admin, null)]
    [InlineData("dispatcher@demo.local", Roles.Dispatcher, null)]
    [InlineData("head.billing@demo.local", Roles.DepartmentHead, "billing-centre")]
    [InlineData("staff.billing@demo.local", Roles.Staff, "billing-centre")]
    [InlineData("staff2.billing@demo.local", Roles.Staff, "billing-centre")]
    [InlineData("head.om@demo.local", Roles.DepartmentHead, "operations")]
    [InlineData("staff.om@demo.local", Roles.Staff, "operations")]
    [InlineData("staff.integrity@demo.local", Roles.Staff, "integrity-office")]
    [InlineData("customer@demo.local", Roles.Customer, null)]
    [InlineData("customer2@demo.local", Roles.Customer, null)]
    [InlineData("supervisor@demo.local", Roles.Supervisor, null)]
    public async Task DemoAccount_IsConfirmed_InItsRole_AndInItsDepartment(string email, string role, string? department)
    {
        var (user, roles) = await _app.AsUserAsync(null, async p =>
        {
            var users = p.GetRequiredService<UserManager<User>>();
            var found = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} was not seeded");
            return (found, await users.GetRolesAsync(found));
        });
        Assert.True(user.EmailConfirmed);
        Assert.Equal([role], roles);
        var code = await _app.DbAsync(db => db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Code).SingleOrDefaultAsync());
        Assert.Equal(department, code);
    }

    [Fact]
    public async Task EveryRole_Exists()
    {
        var names = await _app.DbAsync(db => db.Roles.Select(r => r.Name).ToListAsync());
        Assert.All(Roles.All, role => Assert.Contains(role, names));
    }
}
