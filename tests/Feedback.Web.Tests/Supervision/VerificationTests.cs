using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Supervision;

/// <summary>The supervisor verifies (验收) the rectification of their finding with the submitter's commands, from their finding page.</summary>
public sealed class VerificationTests(AppointmentTests.Fixture fixture) : IClassFixture<AppointmentTests.Fixture>
{
    private const string Staff = "staff.billing@demo.local";
    private readonly SupervisionApp _app = fixture.App;

    [Fact]
    public async Task Supervisor_RejectsThenConfirmsTheRectification_FromTheFindingPage()
    {
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, await _app.ReviewAsync(await _app.FindingAsync("billing", "缴费机长期故障")));
        var number = receipt.FindingTrackingNumbers[0];
        var caseId = (await _app.CaseAsync(number)).Id;
        await _app.SendAsync(Staff, new AcceptCase(caseId));
        await _app.SendAsync(Staff, new ResolveCase(caseId, "已更换缴费机。"));

        var supervisor = _app.CreateBrowserClient();
        await supervisor.SignInAsync(SupervisionApp.DemoSupervisor);
        var dashboard = await (await supervisor.GetAsync("/Supervisor")).TextAsync();
        Assert.Contains(number, dashboard[dashboard.IndexOf("verify-heading", StringComparison.Ordinal)..dashboard.IndexOf("findings-heading", StringComparison.Ordinal)]);

        var page = $"/Supervisor/Finding/{number}";
        var rejected = await supervisor.PostAsync(page, [new("Input.Reason", "新机器仍无法刷卡。")], $"{page}?handler=Reject");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(CaseStatus.Reopened, (await _app.CaseAsync(number)).Status);

        await _app.SendAsync(Staff, new ResumeCase(caseId));
        await _app.SendAsync(Staff, new ResolveCase(caseId, "已联系厂家维修，刷卡功能恢复。"));
        var confirmed = await supervisor.PostAsync(page, [new("Input.Comment", "已核实，整改到位。")], $"{page}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(CaseStatus.Closed, (await _app.CaseAsync(number)).Status);

        var report = await _app.QueryAsync(SupervisionApp.Admin, new GetSupervisionReport(202611, 202611));
        Assert.True(Assert.Single(report.Activity, a => a.Name == "行风监督员 吴静").Verifications >= 2);
        var view = await _app.QueryAsync(SupervisionApp.DemoSupervisor, new GetSupervisorDashboard());
        Assert.Equal(CaseStatus.Closed, Assert.Single(view.Findings, f => f.TrackingNumber == number).Status);
    }
}
