using System.Net;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Notifications;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Commands;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Admin;

public sealed class UserAdminTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    private async Task<Guid> DepartmentAsync() =>
        await _app.SendAsync("admin@demo.local", new CreateOrganisationEntry(OrganisationList.Departments, "D" + Guid.NewGuid().ToString("N")[..8], "测试部", "Test department", 50));

    private async Task<HttpClient> AdminAsync()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("admin@demo.local");
        return client;
    }

    [Fact]
    public async Task Admin_CreatesAStaffAccount_WhichGetsAnInvitationToSetAPassword()
    {
        var department = await DepartmentAsync();
        var client = await AdminAsync();
        var email = AccountApp.NewEmail("staff");

        var created = await client.PostAsync("/Admin/Users/Create", Forms.Fields(
            ("Input.Email", email), ("Input.DisplayName", "新员工"), ("Input.Roles", Roles.Staff), ("Input.DepartmentId", department.ToString()), ("Input.Culture", "zh-CN")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("/Admin/Users/", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(created.Headers.Location!.OriginalString)).StatusCode);

        var user = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.True(user.MustSetUpTwoFactor);
        Assert.Equal(department, user.DepartmentId);
        Assert.Null(user.PasswordHash);
        Assert.Single(await _app.EmailsAsync(email, EmailTemplates.StaffInvitation));

        // The invitation link is a password-reset link.
        var link = await _app.LinkInLatestEmailAsync(email, EmailTemplates.StaffInvitation);
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;
        var staff = _app.CreateBrowserClient();
        var set = await staff.PostAsync(link, Forms.Fields(("Input.Email", email), ("Input.Code", code), ("Input.Password", "my first passphrase"), ("Input.ConfirmPassword", "my first passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await staff.SignInAsync(email, "my first passphrase");

        var list = await (await client.GetAsync("/Admin/Users?search=" + Uri.EscapeDataString(email))).TextAsync();
        Assert.Contains(email, list);
        Assert.Contains("测试部", list);
        Assert.Contains("工作人员", list);
    }

    [Theory]
    [InlineData("", "名字", Roles.Staff, true, "此项为必填项")]
    [InlineData("bad-address", "名字", Roles.Staff, true, "有效的电子邮箱")]
    [InlineData("x@example.com", "", Roles.Staff, true, "此项为必填项")]
    [InlineData("x@example.com", "名字", Roles.Staff, false, "必须属于一个部门")]
    [InlineData("x@example.com", "名字", Roles.DepartmentHead, false, "必须属于一个部门")]
    [InlineData("x@example.com", "名字", "", false, "请至少选择一个角色")]
    [InlineData("x@example.com", "名字", Roles.Customer, false, "所选的值无效")]
    [InlineData("customer@demo.local", "名字", Roles.Dispatcher, false, "该邮箱已有账号")]
    public async Task CreateAccount_WithBadInput_Is400_AndWritesNothing(string email, string name, string role, bool withDepartment, string message)
    {
        var department = withDepartment ? (await DepartmentAsync()).ToString() : "";
        var client = await AdminAsync();
        var before = await _app.DbAsync(db => db.Users.CountAsync());
        var fields = Forms.Fields(("Input.Email", email), ("Input.DisplayName", name), ("Input.DepartmentId", department), ("Input.Culture", "zh-CN"));
        if (role != "") fields["Input.Roles"] = role;

        var response = await client.PostAsync("/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        Assert.Equal(before, await _app.DbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateAccount_WithAMangledDepartment_Is400()
    {
        var client = await AdminAsync();
        var response = await client.PostAsync("/Admin/Users/Create", Forms.Fields(
            ("Input.Email", AccountApp.NewEmail()), ("Input.DisplayName", "名字"), ("Input.Roles", Roles.Staff), ("Input.DepartmentId", "not-a-guid"), ("Input.Culture", "zh-CN")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不是有效的值", await response.TextAsync());
    }

    [Fact]
    public async Task Admin_CannotRemoveTheirOwnAdminRole_NorLockThemselves()
    {
        var admin = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == "admin@demo.local"));
        var client = await AdminAsync();
        var page = $"/Admin/Users/{admin.Id}";

        var demote = await client.PostAsync(page, Forms.Fields(("Input.Roles", Roles.Dispatcher), ("Input.DepartmentId", "")));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("不能取消自己的管理员角色", await demote.TextAsync());

        var lockSelf = await client.PostAsync(page, Forms.Fields(), postUrl: page + "?handler=Lock");
        Assert.Equal(HttpStatusCode.BadRequest, lockSelf.StatusCode);
        Assert.Contains("不能锁定自己的账号", await lockSelf.TextAsync());

        var roles = await _app.AsUserAsync(null, async p => await p.GetRequiredService<UserManager<User>>().GetRolesAsync(admin));
        Assert.Contains(Roles.Admin, roles);
    }

    [Fact]
    public async Task Admin_ChangesRoles_AndLocksAndUnlocksAnAccount()
    {
        var department = await DepartmentAsync();
        var email = AccountApp.NewEmail("promote");
        var user = await _app.CreateUserAsync(email, "a long passphrase", true, Roles.Customer);
        var client = await AdminAsync();
        var page = $"/Admin/Users/{user.Id}";

        var promoted = await client.PostAsync(page, Forms.Fields(("Input.Roles", Roles.DepartmentHead), ("Input.DepartmentId", department.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var roles = await _app.AsUserAsync(null, async p => await p.GetRequiredService<UserManager<User>>().GetRolesAsync(user));
        Assert.Equal([Roles.Customer, Roles.DepartmentHead], roles.Order());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page, Forms.Fields(), postUrl: page + "?handler=Lock")).StatusCode);
        var locked = await _app.CreateBrowserClient().PostAsync("/Account/Login", Forms.Fields(("Input.Email", email), ("Input.Password", "a long passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("锁定", await locked.TextAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(page, Forms.Fields(), postUrl: page + "?handler=Unlock")).StatusCode);
        await _app.CreateBrowserClient().SignInAsync(email, "a long passphrase");
    }

    [Theory]
    [InlineData("/Admin/Users?pageNumber=abc")]
    [InlineData("/Admin/Users?pageNumber=1&search=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task UserList_WithBadQuery_Is400(string url)
    {
        var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task UnknownUser_Is404()
    {
        var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Users/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task StaffCommands_AreForAdminsOnly()
    {
        var department = await DepartmentAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _app.SendAsync("head.billing@demo.local", new CreateStaffAccount(AccountApp.NewEmail(), "名字", [Roles.Staff], department)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _app.SendAsync("dispatcher@demo.local", new CreateOrganisationEntry(OrganisationList.Departments, "NOPE", "不", "No", 1)));
    }
}
