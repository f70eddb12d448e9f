using System.Net;
using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Supervision;

public sealed class AppointmentTests(AppointmentTests.Fixture fixture) : IClassFixture<AppointmentTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public SupervisionApp App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private readonly SupervisionApp _app = fixture.App;

    [Fact]
    public async Task Appoint_CreatesSupervisorAccountAndTerm_AndQueuesTheInvitation()
    {
        const string email = "deputy.wang@example.org";
        var area = await _app.AreaAsync("huimin");
        var id = await _app.SendAsync(SupervisionApp.Admin, new AppointSupervisor(email, "王代表", "市人大代表", [area],
            new DateOnly(2026, 12, 1), new DateOnly(2028, 11, 30)));

        var supervisor = await _app.DbAsync(db => db.Supervisors.Include(s => s.Terms).SingleAsync(s => s.Id == id));
        var user = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(user.Id, supervisor.UserId);
        Assert.Null(user.PasswordHash);
        Assert.True(user.MustSetUpTwoFactor);
        Assert.Equal([area], supervisor.ServiceAreaIds);
        var term = Assert.Single(supervisor.Terms);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2028, 11, 30)), (term.StartsOn, term.EndsOn));
        Assert.True(await _app.DbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Supervisor))));

        var invitation = Assert.Single(await _app.EmailsAsync(email, EmailTemplates.SupervisorInvitation));
        Assert.Contains("2026-12-01", invitation.TextBody);
        Assert.Contains("市人大代表", invitation.TextBody);
        Assert.Contains("/Account/ResetPassword?", await _app.InvitationLinkAsync(email));
    }

    [Fact]
    public async Task InvitationLink_SetsThePasswordOnce_AndIsRefusedTheSecondTime()
    {
        const string email = "journalist.li@example.org";
        await _app.SendAsync(SupervisionApp.Admin, new AppointSupervisor(email, "李记者", "滨州日报记者", [await _app.AreaAsync("bincheng")],
            SupervisionApp.Today, SupervisionApp.Today.AddYears(2)));
        var link = await _app.InvitationLinkAsync(email);
        var client = _app.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        var first = await _app.AcceptInvitationAsync(client, link, email, "first passphrase here");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await client.SignInAsync(email, "first passphrase here");

        var again = await _app.AcceptInvitationAsync(_app.CreateBrowserClient(), link, email, "second passphrase here");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        await _app.CreateBrowserClient().SignInAsync(email, "first passphrase here");
    }

    [Theory]
    [InlineData("", "名字", "单位", true, "2026-12-01", "2027-12-01", "Email")]
    [InlineData("x@example.org", "", "单位", true, "2026-12-01", "2027-12-01", "Name")]
    [InlineData("x@example.org", "名字", "", true, "2026-12-01", "2027-12-01", "Affiliation")]
    [InlineData("x@example.org", "名字", "单位", false, "2026-12-01", "2027-12-01", "ServiceAreaIds")]
    [InlineData("x@example.org", "名字", "单位", true, "2026-12-01", "2026-11-30", "EndsOn")]
    [InlineData("x@example.org", "名字", "单位", true, "2026-12-01", "2036-12-01", "EndsOn")]
    public async Task Appoint_WithBadInput_IsRefusedWithTheField_AndNothingIsStored(string email, string name, string affiliation, bool withArea,
        string startsOn, string endsOn, string field)
    {
        var before = await _app.DbAsync(db => db.Supervisors.CountAsync());
        Guid[] areas = withArea ? [await _app.AreaAsync("bincheng")] : [];
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(SupervisionApp.Admin,
            new AppointSupervisor(email, name, affiliation, areas, DateOnly.Parse(startsOn), DateOnly.Parse(endsOn))));
        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Equal(before, await _app.DbAsync(db => db.Supervisors.CountAsync()));
    }

    [Fact]
    public async Task Appoint_AnAddressInUse_IsRefused()
    {
        var area = await _app.AreaAsync("bincheng");
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(SupervisionApp.Admin,
            new AppointSupervisor("staff.billing@demo.local", "名字", "单位", [area], SupervisionApp.Today, SupervisionApp.Today.AddYears(1))));
        Assert.Contains(error.Errors, e => e.Field == "Email");
    }

    [Theory]
    [InlineData("dispatcher@demo.local")]
    [InlineData("head.billing@demo.local")]
    [InlineData(SupervisionApp.DemoSupervisor)]
    public async Task OnlyAnAdmin_MayAppoint(string email)
    {
        var area = await _app.AreaAsync("bincheng");
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(email,
            new AppointSupervisor("new@example.org", "名字", "单位", [area], SupervisionApp.Today, SupervisionApp.Today.AddYears(1))));
    }

    [Fact]
    public async Task AppointPage_AppointsAndShowsTheSupervisor()
    {
        var admin = _app.CreateBrowserClient();
        await admin.SignInAsync(SupervisionApp.Admin);
        var area = await _app.AreaAsync("wudi");
        var response = await admin.PostAsync("/Admin/Supervisors/Appoint", [
            new("Input.Name", "赵委员"), new("Input.Email", "member.zhao@example.org"), new("Input.Affiliation", "市政协委员"),
            new("Input.ServiceAreaIds", area.ToString()), new("Input.StartsOn", "2026-11-25"), new("Input.EndsOn", "2028-11-24"), new("Input.Culture", "zh-CN")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await (await admin.GetAsync(response.Headers.Location!.OriginalString)).TextAsync();
        Assert.Contains("赵委员", detail);
        Assert.Contains("2028-11-24", detail);
        Assert.Contains("在聘", detail);

        var refused = await admin.PostAsync("/Admin/Supervisors/Appoint", [
            new("Input.Name", "赵委员"), new("Input.Email", "other@example.org"), new("Input.Affiliation", "市政协委员"),
            new("Input.StartsOn", "2026-11-25"), new("Input.EndsOn", "2025-11-24")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.TextAsync();
        Assert.Contains("请至少选择一个服务区域", html);
        Assert.Contains("聘期结束日期不能早于开始日期", html);
    }

    [Fact]
    public async Task AdminLists_ShowServingSupervisors()
    {
        var list = await _app.QueryAsync(SupervisionApp.Admin, new ListSupervisors());
        Assert.Contains(list.Supervisors.Items, s => s.Email == SupervisionApp.DemoSupervisor && s.IsServing);
    }
}

/// <summary>An invitation link stops working once the token lifespan has passed (here: at once).</summary>
public sealed class InvitationExpiryTests
{
    [Fact]
    public async Task InvitationLink_AfterItsLifespan_IsRefused()
    {
        using var app = new SupervisionApp(services: services =>
            services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.Zero));
        const string email = "late.reader@example.org";
        await app.SendAsync(SupervisionApp.Admin, new AppointSupervisor(email, "晚读者", "客户代表", [await app.AreaAsync("bincheng")],
            SupervisionApp.Today, SupervisionApp.Today.AddYears(1)));
        var link = await app.InvitationLinkAsync(email);
        var response = await app.AcceptInvitationAsync(app.CreateBrowserClient(), link, email, "a passphrase too late");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
    }
}
