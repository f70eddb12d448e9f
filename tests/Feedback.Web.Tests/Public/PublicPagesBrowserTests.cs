using Feedback.Web.Tests.Browser;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Public;

/// <summary>
/// The public side in a real browser without JavaScript help: file with a photo, read the receipt, track,
/// see the case; every page (and a refused form) checked by axe-core, in Chinese and English.
/// </summary>
public sealed class PublicPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FilingAndTracking_AreAccessible_AndWorkInTheBrowser()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Public/File");
        await page.ClickAsync("main button[type=submit]");
        Assert.Contains("此项为必填项", await page.InnerTextAsync("main"));
        await page.AssertNoSeriousViolationsAsync();

        await page.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Index = 2 });
        await page.SelectOptionAsync("#Input_ServiceAreaId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Subject", "抄表数字与电表不一致");
        await page.FillAsync("#Input_Description", "电费单上的读数是 5321，电表上是 4987。");
        await page.FillAsync("#Input_ContactName", "陈静");
        await page.FillAsync("#Input_ContactPhone", "13900139000");
        await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "电表.png", MimeType = "image/png", Buffer = PublicFlows.Png });
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/Public/Receipt");
        await page.AssertNoSeriousViolationsAsync();
        var number = (await page.InnerTextAsync("#tracking-number")).Trim();
        var pin = (await page.InnerTextAsync("#access-pin")).Trim();

        await page.GotoAsync("/Public/Track");
        await page.FillAsync("#Input_TrackingNumber", number);
        await page.FillAsync("#Input_Pin", pin);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync($"**/Public/Case/{number}");
        Assert.Contains("抄表数字与电表不一致", await page.InnerTextAsync("main"));
        Assert.Contains("电表.png", await page.InnerTextAsync("main"));
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task TrackingFormContentPagesAndMyCases_AreAccessible()
    {
        var page = await browser.NewPageAsync("en");
        foreach (var path in new[] { "/Public/Track?culture=en", "/Public/Page/service-commitments?culture=zh-CN" })
        {
            Assert.Equal(200, (await page.GotoAsync(path))?.Status);
            await page.AssertNoSeriousViolationsAsync();
        }

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", "customer@demo.local");
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await page.GotoAsync("/Customer/Cases");
        await page.AssertNoSeriousViolationsAsync();
    }
}
