using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Browser;

/// <summary>
/// The app on a real port and Debian's Chromium driven by Playwright (Playwright cannot download its own
/// browser here). scripts/test.sh installs Chromium when it is missing; without it these tests fail.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public FeedbackApp App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    /// <summary>Settings for the app under test; override in a derived fixture.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        App = new FeedbackApp(Settings);
        BaseAddress = App.UseRealServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root in a container, and with no network beyond loopback: no sandbox, no background calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (cookies, language) — one per person in a journey.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        App.Dispose();
    }
}

public static class Accessibility
{
    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}";
}

public static class BrowserSignIn
{
    /// <summary>Signs a demo user in through the sign-in form and waits to leave it.</summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}

public static class BrowserVerification
{
    /// <summary>
    /// The submitter answers "is it resolved?" on their case page: <paramref name="handler"/> is Confirm or
    /// Reject, with a comment; waits until the comment is on the timeline.
    /// </summary>
    public static async Task AnswerResolutionAsync(this IPage page, string handler, string comment)
    {
        await page.FillAsync($"form[action*='handler={handler}'] textarea", comment);
        await page.ClickAsync($"form[action*='handler={handler}'] button[type=submit]");
        await page.WaitForSelectorAsync($"text={comment}");
    }
}
