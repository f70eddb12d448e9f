using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Notifications;
using Feedback.Domain.Rectification.Commands;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Browser;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Supervision;

/// <summary>
/// The supervisor programme in a real browser, in Chinese: an admin appoints a supervisor; the supervisor
/// accepts the invitation, sets up two-factor authentication and signs in with it, submits a review with two
/// findings; staff record a rectification of one with two measures, complete the first and resolve; the
/// supervisor rejects it, staff complete the second measure and resolve again, and the supervisor accepts; the
/// dashboard shows it all. axe-core checks every page on the way.
/// </summary>
public sealed class SupervisorJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Email = "deputy.sun@example.org";
    private const string Password = "a long supervisor passphrase";

    [Fact]
    public async Task AppointmentToVerification()
    {
        var app = browser.App;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        // The admin appoints the supervisor.
        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, "admin@demo.local", FeedbackApp.DemoPassword);
        await admin.GotoAsync("/Admin/Supervisors/Appoint");
        await admin.AssertNoSeriousViolationsAsync();
        await admin.FillAsync("#Input_Name", "孙代表");
        await admin.FillAsync("#Input_Email", Email);
        await admin.FillAsync("#Input_Affiliation", "市人大代表");
        await admin.CheckAsync("#area-bincheng");
        await admin.FillAsync("#Input_StartsOn", today.ToString("yyyy-MM-dd"));
        await admin.FillAsync("#Input_EndsOn", today.AddYears(2).ToString("yyyy-MM-dd"));
        await admin.ClickAsync("main button[type=submit]");
        await admin.WaitForURLAsync("**/Admin/Supervisors/*");
        Assert.Contains("在聘", await admin.InnerTextAsync("main"));
        await admin.AssertNoSeriousViolationsAsync();

        // The supervisor sets a password through the invitation link…
        var invitation = await app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.To == Email && m.Template == EmailTemplates.SupervisorInvitation));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(System.Net.WebUtility.HtmlDecode(invitation.TextBody),
            @"https?://[^\s""'<>()\[\]]+/Account/ResetPassword\?[^\s""'<>()\[\]]+").Value);
        var supervisor = await browser.NewPageAsync();
        await supervisor.GotoAsync(link.PathAndQuery);
        await supervisor.FillAsync("#Input_Password", Password);
        await supervisor.FillAsync("#Input_ConfirmPassword", Password);
        await supervisor.ClickAsync("main button[type=submit]");
        await supervisor.WaitForURLAsync("**/Account/Notice**");

        // …sets up two-factor authentication, and signs in again with a code.
        await SignInAsync(supervisor, Email, Password);
        await supervisor.GotoAsync("/Account/Manage/TwoFactor");
        await supervisor.ClickAsync("main button:has-text('开始设置')");
        await supervisor.WaitForSelectorAsync(".shared-key");
        var key = (await supervisor.InnerTextAsync(".shared-key")).Trim();
        await supervisor.FillAsync("#Input_Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await supervisor.ClickAsync("main form button[type=submit]");
        await supervisor.WaitForSelectorAsync(".recovery-codes");
        await supervisor.ClickAsync("header button:has-text('退出')");
        await supervisor.GotoAsync("/Account/Login");
        await supervisor.FillAsync("#Input_Email", Email);
        await supervisor.FillAsync("#Input_Password", Password);
        await supervisor.ClickAsync("main button[type=submit]");
        await supervisor.WaitForURLAsync("**/Account/LoginWith2fa**");
        // The next time step's code: the one that turned it on is accepted only once.
        await supervisor.FillAsync("#Input_Code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await supervisor.ClickAsync("main button[type=submit]");
        await supervisor.WaitForURLAsync(url => !url.Contains("/Account/"));

        // The review: the Bincheng business hall, five scores, two findings.
        await supervisor.GotoAsync("/Supervisor");
        await supervisor.AssertNoSeriousViolationsAsync();
        await supervisor.ClickAsync("main a:has-text('提交监督评议')");
        await supervisor.AssertNoSeriousViolationsAsync();
        await supervisor.SelectOptionAsync("#Input_ServicePointId", new SelectOptionValue { Label = "滨城区黄河五路营业厅" });
        foreach (var (dimension, score) in new[] { ("attitude", "2"), ("efficiency", "3"), ("compliance", "4"), ("integrity", "5"), ("transparency", "3") })
            await supervisor.SelectOptionAsync($"#score-{dimension}", score);
        await supervisor.FillAsync("#Input_Comments", "大厅整洁，但收费窗口排队较长。");
        await supervisor.SelectOptionAsync("#Findings-0-category", new SelectOptionValue { Label = "电费缴费" });
        await supervisor.FillAsync("#Findings-0-subject", "自助缴费机无法刷卡");
        await supervisor.FillAsync("#Findings-0-description", "两台自助缴费机均无法刷银行卡，客户只能排队到人工窗口。");
        await supervisor.SelectOptionAsync("#Findings-1-category", new SelectOptionValue { Label = "计量" });
        await supervisor.FillAsync("#Findings-1-subject", "校表申请无人受理");
        await supervisor.FillAsync("#Findings-1-description", "客户申请校验电表，窗口称需另行预约但未告知方式。");
        await supervisor.ClickAsync("main button[type=submit]:has-text('提交评议')");
        await supervisor.WaitForURLAsync("**/Supervisor/ReviewDetail/**");
        await supervisor.AssertNoSeriousViolationsAsync();
        var main = await supervisor.InnerTextAsync("main");
        Assert.Contains("自助缴费机无法刷卡", main);
        Assert.Contains("校表申请无人受理", main);

        // Staff of the billing centre rectify the first finding: a root cause and two measures; they complete
        // the first and resolve.
        const string staff = "staff.billing@demo.local";
        var finding = await app.DbAsync(db => db.Cases.SingleAsync(c => c.Subject == "自助缴费机无法刷卡"));
        Assert.Equal((CaseKind.SupervisionFinding, Channel.SupervisorReview), (finding.Kind, finding.Channel));
        var staffId = await app.DbAsync(db => db.Users.Where(u => u.Email == staff).Select(u => u.Id).SingleAsync());
        await app.SendAsync(staff, new AcceptCase(finding.Id));
        await app.SendAsync(staff, new RecordRectification(finding.Id, "缴费机读卡器老化，未纳入日常巡检。"));
        var repair = await app.SendAsync(staff, new AddMeasure(finding.Id, "报修两台缴费机的读卡器", staffId, today.AddDays(3)));
        var inspection = await app.SendAsync(staff, new AddMeasure(finding.Id, "将自助缴费机纳入每日巡检", staffId, today.AddDays(10)));
        await app.SendAsync(staff, new CompleteMeasure(finding.Id, repair, "已报修，厂家更换了一台读卡器。", []));
        await app.SendAsync(staff, new ResolveCase(finding.Id, "已报修缴费机读卡器。"));

        // The supervisor sees it awaiting verification, with the measure still open, and rejects the rectification…
        await supervisor.GotoAsync("/Supervisor");
        Assert.Contains("待我验收（1）", await supervisor.InnerTextAsync("main"));
        await supervisor.ClickAsync($"#verify-heading ~ div a:has-text('{finding.TrackingNumber}')");
        await supervisor.AssertNoSeriousViolationsAsync();
        var verification = await supervisor.InnerTextAsync("main");
        Assert.Contains("整改验收", verification);
        Assert.Contains("整改进度：50%", verification);
        Assert.Contains("将自助缴费机纳入每日巡检", verification);
        await supervisor.FillAsync("#Input_Reason", "复查时仍有一台无法刷卡，巡检也未落实。");
        await supervisor.ClickAsync("main form[action*='handler=Reject'] button:has-text('验收不通过')");
        await supervisor.WaitForSelectorAsync("main .alert-success");
        Assert.Equal(CaseStatus.Reopened, (await app.DbAsync(db => db.Cases.SingleAsync(c => c.Id == finding.Id))).Status);

        // …staff complete the second measure and resolve again, and the supervisor accepts.
        await app.SendAsync(staff, new CompleteMeasure(finding.Id, inspection, "已更换另一台读卡器，并将缴费机纳入每日巡检。", []));
        await app.SendAsync(staff, new ResumeCase(finding.Id));
        await app.SendAsync(staff, new ResolveCase(finding.Id, "两项整改措施均已完成。"));
        await supervisor.ReloadAsync();
        Assert.Contains("整改进度：100%", await supervisor.InnerTextAsync("main"));
        await supervisor.FillAsync("#Input_Comment", "复查两台均可正常刷卡，整改到位。");
        await supervisor.ClickAsync("main form[action*='handler=Confirm'] button:has-text('验收通过')");
        await supervisor.WaitForSelectorAsync("main .alert-success");
        Assert.Equal(CaseStatus.Closed, (await app.DbAsync(db => db.Cases.SingleAsync(c => c.Id == finding.Id))).Status);

        // The dashboard shows the review, both findings, and nothing left to verify.
        await supervisor.GotoAsync("/Supervisor");
        var dashboard = await supervisor.InnerTextAsync("main");
        Assert.Contains("待我验收（0）", dashboard);
        var closedRow = await supervisor.InnerTextAsync($"#findings-heading ~ div tr:has-text('{finding.TrackingNumber}')");
        Assert.Contains("已办结", closedRow);
        Assert.Contains("校表申请无人受理", dashboard);
        Assert.Contains("滨城区黄河五路营业厅", dashboard);
        await supervisor.AssertNoSeriousViolationsAsync();

        // Managers see the scores.
        await admin.GotoAsync("/Reports/Supervision");
        Assert.Contains("滨城区黄河五路营业厅", await admin.InnerTextAsync("main"));
        await admin.AssertNoSeriousViolationsAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
