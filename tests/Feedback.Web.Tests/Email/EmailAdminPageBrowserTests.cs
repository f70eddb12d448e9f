using Feedback.Domain.Common;
using Feedback.Web.Tests.Browser;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Email;

/// <summary>The admin's email page in a real browser, checked by axe-core, in both languages.</summary>
public sealed class EmailAdminPageBrowserTests
{
    [Fact]
    public async Task TheEmailsPage_IsAccessibleInBothLanguages_AndItsRetryButtonWorks()
    {
        await using var smtp = new TestSmtpServer();
        using var app = new EmailTestApp(smtp.Settings());
        var baseAddress = app.UseRealServer();
        var admin = await app.EnsureUserAsync("browser-admin@example.com", Roles.Admin);
        await app.FileCaseAsync("browser.page@example.com");
        await app.DeliverAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { [EmailTestApp.TestUserHeader] = admin },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Admin/Emails");
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
        Assert.Contains("b***@example.com", await page.InnerTextAsync("tbody"));
        Assert.Contains("重新发送", await page.InnerTextAsync("tbody"));
        await page.AssertNoSeriousViolationsAsync();

        // The page after the retry comes in English, as the language switch would set it.
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = baseAddress.ToString() }]);
        await page.Locator("tbody button", new PageLocatorOptions { HasText = "重新发送" }).ClickAsync();

        Assert.Contains("queued again", await page.InnerTextAsync("[role=status]"));
        await page.AssertNoSeriousViolationsAsync();
    }
}
