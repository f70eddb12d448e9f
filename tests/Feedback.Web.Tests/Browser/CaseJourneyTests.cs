using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Feedback.Web.Tests.Browser;

/// <summary>
/// The foundation's journey, in Chinese, as the people involved take it in a real browser: a customer files
/// a complaint with a photo, gets the acknowledgement email, tracks the case; staff accept it, reply and
/// resolve it; the customer confirms; the case is closed and its timeline shows every step. axe-core checks
/// every page on the way.
/// </summary>
public sealed class CaseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ComplaintWithPhoto_FromFilingToClosure()
    {
        // The customer files a complaint about billing (routed to the Billing Centre by the demo rules).
        var customer = await browser.NewPageAsync("zh-CN");
        await customer.GotoAsync("/Public/File");
        await customer.AssertNoSeriousViolationsAsync();
        await customer.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Label = "电费缴费" });
        await customer.SelectOptionAsync("#Input_ServiceAreaId", new SelectOptionValue { Label = "滨城区" });
        await customer.FillAsync("#Input_Subject", "电费账单金额异常");
        await customer.FillAsync("#Input_Description", "十一月的电费比往月高出三倍，家里用电没有变化，请核查抄表读数。");
        await customer.FillAsync("#Input_ContactName", "王建国");
        await customer.FillAsync("#Input_ContactPhone", "13812345678");
        await customer.FillAsync("#Input_ContactEmail", "wang.jianguo@example.com");
        await customer.SetInputFilesAsync("#attachments", new FilePayload { Name = "电表照片.png", MimeType = "image/png", Buffer = Photo });
        await customer.ClickAsync("main button[type=submit]");
        await customer.WaitForURLAsync("**/Public/Receipt");
        await customer.AssertNoSeriousViolationsAsync();
        var number = (await customer.InnerTextAsync("#tracking-number")).Trim();
        var pin = (await customer.InnerTextAsync("#access-pin")).Trim();

        // The acknowledgement email leaves (to the pickup folder: no SMTP configured) with number and PIN.
        var acknowledgement = await WaitForEmailAsync(number);
        Assert.Equal("wang.jianguo@example.com", acknowledgement.To.Mailboxes.Single().Address);
        Assert.Contains(pin, acknowledgement.TextBody);

        // The customer tracks it with number + PIN.
        await customer.GotoAsync("/Public/Track");
        await customer.AssertNoSeriousViolationsAsync();
        await customer.FillAsync("#Input_TrackingNumber", number);
        await customer.FillAsync("#Input_Pin", pin);
        await customer.ClickAsync("main button[type=submit]");
        await customer.WaitForURLAsync($"**/Public/Case/{number}");
        Assert.Contains("电费账单金额异常", await customer.InnerTextAsync("main"));
        Assert.Contains("电表照片.png", await customer.InnerTextAsync("main"));
        await customer.AssertNoSeriousViolationsAsync();

        // Billing staff find it in their queue, accept it, reply, and resolve it.
        var staff = await browser.NewPageAsync("zh-CN");
        await SignInAsync(staff, "staff.billing@demo.local");
        await staff.GotoAsync("/Staff/Queue");
        await staff.AssertNoSeriousViolationsAsync();
        await staff.ClickAsync($"a:has-text('{number}')");
        await staff.WaitForURLAsync("**/Staff/Case/**");
        await staff.AssertNoSeriousViolationsAsync();
        await staff.ClickAsync("form[action*='handler=Accept'] button[type=submit]");
        await staff.WaitForSelectorAsync("form[action*='handler=Resolve']");
        await staff.FillAsync("#Reply_Text", "您好，我们已调取抄表记录，正在现场核对电表读数。");
        await staff.ClickAsync("form[action*='handler=Reply'] button[type=submit]");
        await staff.WaitForSelectorAsync("text=正在现场核对电表读数");
        await staff.FillAsync("#Resolve_Summary", "经核查为抄表员误读，已更正读数并退还多收电费 326.40 元。");
        await staff.ClickAsync("form[action*='handler=Resolve'] button[type=submit]");
        await staff.WaitForSelectorAsync("text=已更正读数");
        await staff.AssertNoSeriousViolationsAsync();

        // The customer sees the reply and the resolution, and confirms.
        await customer.GotoAsync($"/Public/Case/{number}");
        var beforeConfirm = await customer.InnerTextAsync("main");
        Assert.Contains("正在现场核对电表读数", beforeConfirm);
        Assert.Contains("已更正读数", beforeConfirm);
        await customer.AssertNoSeriousViolationsAsync();
        await customer.AnswerResolutionAsync("Confirm", "问题已解决，谢谢。");

        // Closed, and the timeline shows each step, for the customer and for staff.
        var closed = await customer.InnerTextAsync("main");
        Assert.Contains("已办结", closed);
        foreach (var step in new[] { "受理", "正在现场核对电表读数", "已更正读数", "问题已解决" })
            Assert.Contains(step, closed);
        await customer.AssertNoSeriousViolationsAsync();

        await staff.ReloadAsync();
        var staffView = await staff.InnerTextAsync("main");
        Assert.Contains("已办结", staffView);
        Assert.Contains("问题已解决", staffView);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }

    /// <summary>The dispatcher writes .eml files to data/mail when no SMTP host is set; wait for ours.</summary>
    private async Task<MimeMessage> WaitForEmailAsync(string trackingNumber)
    {
        var folder = Path.Combine(browser.App.DataPath, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.TextBody?.Contains(trackingNumber) == true)
                        return message;
                }
            }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"No acknowledgement email for {trackingNumber} in {folder}.");
    }
}
