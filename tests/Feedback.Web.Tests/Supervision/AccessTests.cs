using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Supervision;

/// <summary>Supervisors see only their own reviews and findings, never customers' cases; the report is for managers.</summary>
public sealed class AccessTests(AppointmentTests.Fixture fixture) : IClassFixture<AppointmentTests.Fixture>
{
    private const string Other = "other.supervisor@example.org";
    private readonly SupervisionApp _app = fixture.App;

    [Theory]
    [InlineData(SupervisionApp.DemoSupervisor, "/Staff/Queue", HttpStatusCode.Forbidden)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Dispatch/Triage", HttpStatusCode.Forbidden)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Admin/Supervisors", HttpStatusCode.Forbidden)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Reports/Supervision", HttpStatusCode.Forbidden)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Supervisor", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Supervisor/Review", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.DemoSupervisor, "/Supervisor/Forum", HttpStatusCode.OK)]
    [InlineData("customer@demo.local", "/Supervisor", HttpStatusCode.Forbidden)]
    [InlineData("customer@demo.local", "/Supervisor/Review", HttpStatusCode.Forbidden)]
    [InlineData("staff.billing@demo.local", "/Supervisor", HttpStatusCode.Forbidden)]
    [InlineData("staff.billing@demo.local", "/Reports/Supervision", HttpStatusCode.Forbidden)]
    [InlineData("head.billing@demo.local", "/Reports/Supervision", HttpStatusCode.OK)]
    [InlineData("dispatcher@demo.local", "/Reports/Supervision", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Reports/Supervision", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Admin/Supervisors", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Admin/Supervisors/Appoint", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Admin/ServicePoints", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Admin/ServicePoints/Edit", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Admin/ReviewDimensions", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, "/Supervisor", HttpStatusCode.Forbidden)]
    public async Task Pages_AnswerByRole(string email, string path, HttpStatusCode expected)
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email);
        Assert.Equal(expected, SupervisionApp.Outcome(await client.GetAsync(path)));
    }

    [Fact]
    public async Task ASupervisor_CannotSeeAnotherSupervisorsReviewOrFinding_NorACustomersCase()
    {
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, await _app.ReviewAsync(await _app.FindingAsync()));
        if (!await _app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == Other)))
            await _app.AppointAsync(Other, SupervisionApp.Today.AddDays(-1), SupervisionApp.Today.AddYears(1));
        var customerCase = await _app.SendAsync("customer@demo.local", new SubmitCase(CaseKind.Complaint, Channel.Web,
            await _app.CategoryAsync("billing"), await _app.AreaAsync("bincheng"), "电费异常", "本月电费翻倍。", false, "张三丰", "13812345678", null,
            "滨城区黄河路 1 号", "0012345678", "zh-CN", []));

        await Assert.ThrowsAsync<NotFoundException>(() => _app.QueryAsync(Other, new GetReview(receipt.ReviewId)));
        var other = _app.CreateBrowserClient();
        await other.SignInAsync(Other, SupervisionApp.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Supervisor/ReviewDetail/{receipt.ReviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Supervisor/Finding/{receipt.FindingTrackingNumbers[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Supervisor/Finding/{customerCase.TrackingNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await other.GetAsync($"/Staff/Case/{customerCase.CaseId}")));
        Assert.DoesNotContain(receipt.FindingTrackingNumbers[0], await (await other.GetAsync("/Supervisor")).TextAsync());

        var owner = _app.CreateBrowserClient();
        await owner.SignInAsync(SupervisionApp.DemoSupervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/Supervisor/Finding/{customerCase.TrackingNumber}")).StatusCode);
        var dashboard = await (await owner.GetAsync("/Supervisor")).TextAsync();
        Assert.DoesNotContain("张三丰", dashboard);
        Assert.DoesNotContain("13812345678", dashboard);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Supervisor/Finding/{receipt.FindingTrackingNumbers[0]}")).StatusCode);
    }

    [Fact]
    public async Task TheReport_IsForManagersOnly()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.QueryAsync(SupervisionApp.DemoSupervisor, new GetSupervisionReport(202611, 202611)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.QueryAsync("staff.billing@demo.local", new GetSupervisionReport(202611, 202611)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.QueryAsync("customer@demo.local", new GetSupervisorDashboard()));
    }
}
