using Feedback.Domain.Organisation.Setup;
using Feedback.Domain.Sla;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Browser;

/// <summary>
/// Issue 3's journey in a real browser: an admin adds a routing rule in the UI, a customer files a case that
/// matches it, and it waits in that department's queue with the right deadline. Every page is checked by axe-core.
/// </summary>
public sealed class RoutingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Keyword = "预付费电卡";

    private static async Task<IPage> SignedInAsync(BrowserFixture browser, string email, string locale = "zh-CN")
    {
        var page = await browser.NewPageAsync(locale);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }

    [Fact]
    public async Task AnAdminAddsARule_ACustomerFilesAMatchingCase_AndItWaitsInThatDepartmentsQueueWithItsDeadline()
    {
        // The admin adds the rule: complaints mentioning prepaid cards go to the Billing Centre, urgently.
        var admin = await SignedInAsync(browser, "admin@demo.local");
        await admin.GotoAsync("/Admin/Routing");
        await admin.AssertNoSeriousViolationsAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "新增规则" }).ClickAsync();
        await admin.AssertNoSeriousViolationsAsync();
        await admin.FillAsync("#Input_Name", "预付费电卡 → 电费管理中心");
        await admin.CheckAsync("#kind-Complaint");
        await admin.FillAsync("#Input_Keywords", $"{Keyword}，prepaid card");
        await admin.SelectOptionAsync("#Input_DepartmentId", new SelectOptionValue { Label = "电费管理中心" });
        await admin.SelectOptionAsync("#Input_Priority", "Urgent");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("done=Added"));
        Assert.Contains("预付费电卡 → 电费管理中心", await admin.InnerTextAsync("main table"));
        await admin.AssertNoSeriousViolationsAsync();

        // The try-it panel already names the rule.
        await admin.SelectOptionAsync("#Try_CategoryId", new SelectOptionValue { Label = "其他" });
        await admin.FillAsync("#Try_Subject", $"{Keyword}充值后不到账");
        await admin.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
        Assert.Contains("“预付费电卡 → 电费管理中心”", await admin.InnerTextAsync("#try-outcome"));
        await admin.AssertNoSeriousViolationsAsync();

        // A customer files a matching complaint.
        var customer = await SignedInAsync(browser, "customer@demo.local");
        await customer.GotoAsync("/Public/File");
        await customer.AssertNoSeriousViolationsAsync();
        await customer.CheckAsync("#kind-Complaint");
        await customer.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Label = "其他" });
        await customer.SelectOptionAsync("#Input_ServiceAreaId", new SelectOptionValue { Label = "滨城区" });
        await customer.FillAsync("#Input_Subject", $"{Keyword}充值后不到账");
        await customer.FillAsync("#Input_Description", "昨天在营业厅给预付费电卡充值 200 元，表计至今没有到账。");
        await customer.ClickAsync("main form button[type=submit]");
        await customer.WaitForURLAsync(url => url.Contains("/Public/Receipt"));
        var tracking = (await customer.InnerTextAsync("#tracking-number")).Trim();
        await customer.AssertNoSeriousViolationsAsync();

        // It was routed by the rule, and its deadline is five working days (the complaint policy) on the shipped calendar.
        var filed = await browser.App.DbAsync(db => db.Cases.SingleAsync(c => c.TrackingNumber == tracking));
        var billing = await browser.App.DbAsync(db => db.Departments.SingleAsync(d => d.Code == "billing-centre"));
        Assert.Equal(billing.Id, filed.DepartmentId);
        var calendar = OrganisationSetup.Load(Path.Combine(FeedbackApp.RepositoryRoot, "content", "setup")).BuildCalendar();
        var expected = new SlaTarget(5, TargetUnit.WorkingDays).From(filed.SubmittedAt, calendar);
        Assert.Equal(expected, filed.ResolveBy);

        // Billing staff find it in their queue, urgent, with that deadline in local time.
        var staff = await SignedInAsync(browser, "staff.billing@demo.local");
        await staff.GotoAsync("/Staff/Queue");
        var row = staff.Locator("tbody tr", new() { HasText = tracking });
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("紧急", text);
        Assert.Contains(TimeZoneInfo.ConvertTime(expected, calendar.TimeZone).ToString("yyyy-MM-dd HH:mm"), text);
        await staff.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task TheRoutingSlaAndCalendarPages_AreAccessible()
    {
        var admin = await SignedInAsync(browser, "admin@demo.local");
        var rule = await browser.App.DbAsync(db => db.RoutingRules.OrderBy(r => r.Order).Select(r => r.Id).FirstAsync());
        var policy = await browser.App.DbAsync(db => db.SlaPolicies.Select(p => p.Id).FirstAsync());
        foreach (var path in new[]
        {
            $"/Admin/Routing/Edit/{rule}", $"/Admin/Routing/Delete/{rule}", "/Admin/Sla", $"/Admin/Sla/Edit/{policy}", "/Admin/Calendar/Year/2026",
        })
        {
            var response = await admin.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await admin.AssertNoSeriousViolationsAsync();
        }

        // Refused input shows its messages accessibly too: a rule form left empty, and (in English) a bad calendar file.
        await admin.GotoAsync("/Admin/Routing/Edit");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        Assert.Contains("此项为必填项", await admin.InnerTextAsync("main"));
        await admin.AssertNoSeriousViolationsAsync();
        await admin.GotoAsync("/Admin/Calendar?culture=en");
        await admin.SetInputFilesAsync("#calendar-upload", new FilePayload { Name = "bad.json", MimeType = "application/json", Buffer = "{ \"year\": 2029 }"u8.ToArray() });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        Assert.Contains("'timeZone' is missing", await admin.InnerTextAsync("#calendar-errors"));
        await admin.AssertNoSeriousViolationsAsync();
    }
}
