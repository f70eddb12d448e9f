using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla.Commands;
using Feedback.Web.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Deadlines;

/// <summary>The deadlines section in a real browser: accessible, and the head decides with the buttons on the page.</summary>
public sealed class DeadlinePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheHead_ApprovesAPendingExtension_OnAnAccessiblePage()
    {
        var id = await CaseWithAPauseAndAPendingExtensionAsync();
        var page = await SignedInPageAsync(DeadlineApp.Head);
        await page.GotoAsync($"/Staff/Case/{id}");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel("审批意见（可不填）").FillAsync("同意延期两个工作日");
        await page.GetByRole(AriaRole.Button, new() { Name = "批准延期", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已批准延期" }).WaitForAsync();
        Assert.Contains("已批准", await page.InnerTextAsync("#deadline-extensions"));
        Assert.Contains("请提供电表编号", await page.InnerTextAsync("#deadline-pauses"));
    }

    private async Task<Guid> CaseWithAPauseAndAPendingExtensionAsync()
    {
        var app = browser.App;
        await using var scope = app.Services.CreateAsyncScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganisationCache>().GetAsync();
        var billing = org.Categories.Single(c => c.Code == "billing").Id;
        var receipt = await app.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, billing, org.Areas[0].Id, "电费比上月高出三倍",
            "本月电费异常，请核实。", false, "张三", "13812345678", null, null, null, "zh-CN", []));
        await app.SendAsync(DeadlineApp.Staff, new AcceptCase(receipt.CaseId));
        await app.SendAsync(DeadlineApp.Staff, new RequestInformation(receipt.CaseId, "请提供电表编号"));
        await app.SendAsync(DeadlineApp.Staff, new RecordInformation(receipt.CaseId, "电话告知：电表编号 42"));
        await app.SendAsync(DeadlineApp.Staff, new RequestDeadlineExtension(receipt.CaseId, 2, "等待表计厂家出具检定报告"));
        return receipt.CaseId;
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
