using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Organisation;
using Feedback.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Staff;

/// <summary>The staff and dispatcher pages in a real browser (no JavaScript of ours needed), checked by axe-core.</summary>
public sealed class StaffPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// The four pages with the most structure (table, action forms, a form per triage row, the filing form),
    /// in Chinese. axe-core takes seconds per page on this machine, so the other pages are left to the HTTP tests.
    /// </summary>
    [Fact]
    public async Task StaffAndDispatcherPages_HaveNoSeriousAccessibilityViolations()
    {
        var (routed, _) = await CasesAsync();

        var staff = await SignedInPageAsync(Demo.Staff);
        foreach (var url in new[] { "/Staff/Queue", $"/Staff/Case/{routed}" })
        {
            await staff.GotoAsync(url);
            await staff.AssertNoSeriousViolationsAsync();
        }

        var dispatcher = await SignedInPageAsync(Demo.Dispatcher);
        foreach (var url in new[] { "/Dispatch/Triage", "/Dispatch/File" })
        {
            await dispatcher.GotoAsync(url);
            await dispatcher.AssertNoSeriousViolationsAsync();
        }
    }

    [Fact]
    public async Task Staff_AcceptsAndResolves_WithTheFormsOnThePage()
    {
        var (routed, _) = await CasesAsync();
        var page = await SignedInPageAsync(Demo.Staff);
        await page.GotoAsync($"/Staff/Case/{routed}");

        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已受理该工单" }).WaitForAsync();
        await page.GetByLabel("处理结果(客户可见)").FillAsync("Meter replaced; bill corrected.");
        await page.GetByRole(AriaRole.Button, new() { Name = "答复办结", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "工单已办结" }).WaitForAsync();
        Assert.Contains("Meter replaced; bill corrected.", await page.InnerTextAsync("#case-timeline + ol"));
    }

    private async Task<(Guid Routed, Guid InTriage)> CasesAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganisationCache>().GetAsync();
        var other = org.Categories.Single(c => c.Code.Equals("other", StringComparison.OrdinalIgnoreCase)).Id;
        var billing = org.Departments.Single(d => d.Code == "billing-centre").Id;
        SubmitCase File(string subject) => new(CaseKind.Complaint, Channel.Web, other, org.Areas[0].Id, subject,
            "The meter shows twice last month's reading.", false, "张三丰", "13800138000", null, null, null, "zh-CN", []);
        var routed = await browser.App.SendAsync(Demo.Customer, File("Meter reading doubled"));
        await browser.App.SendAsync(Demo.Dispatcher, new RouteCase(routed.CaseId, billing, Priority.Normal));
        var inTriage = await browser.App.SendAsync(Demo.Customer, File("Meter reading question"));
        return (routed.CaseId, inTriage.CaseId);
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(Infrastructure.FeedbackApp.DemoPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        return page;
    }
}
