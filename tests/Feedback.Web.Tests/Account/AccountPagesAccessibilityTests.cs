using Deque.AxeCore.Playwright;
using Feedback.Web.Tests.Browser;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Account;

/// <summary>The account and admin pages in a real browser: no serious axe-core findings in what these pages draw.</summary>
public sealed class AccountPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The shared layout (header, footer) is checked by its own tests; here, the pages' own content.
    private static async Task AssertMainHasNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.Locator("main").RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v => $"- {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    [Fact]
    public async Task AccountAndAdminForms_HaveNoSeriousAccessibilityProblems()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Register");
        await page.ClickAsync("main button[type=submit]"); // refused: the form again with its messages
        Assert.Contains("此项为必填项", await page.InnerTextAsync("main"));
        await AssertMainHasNoSeriousViolationsAsync(page);

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", "admin@demo.local");
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        foreach (var path in new[] { "/Admin/Users/Create", "/Account/Manage/TwoFactor" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await AssertMainHasNoSeriousViolationsAsync(page);
        }
    }
}
