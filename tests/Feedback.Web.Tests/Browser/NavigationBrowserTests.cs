using Feedback.Web.Tests.Staff;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Browser;

/// <summary>
/// The header on a phone (360 px wide) and on a desktop: the menu folds away behind a button on a phone and
/// opens without any script (the Content-Security-Policy allows none inline), and admin tables scroll inside
/// their own box instead of widening the page. Checked with axe-core in both languages.
/// </summary>
public sealed class NavigationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN", "菜单")]
    [InlineData("en", "Menu")]
    public async Task OnAPhone_TheMenuOpens_AndAnAdminTableFitsTheScreen(string culture, string menu)
    {
        var page = await NewPageAsync(culture, width: 360);
        await page.SignInAsync(Demo.Admin);
        await UseCultureAsync(page, culture);
        await page.GotoAsync("/Admin");

        var nav = page.Locator("header nav");
        var toggle = page.Locator("header summary", new PageLocatorOptions { HasText = menu });
        Assert.True(await toggle.IsVisibleAsync());
        Assert.False(await nav.IsVisibleAsync());
        Assert.False(await page.Locator("header a[href='/Account/Manage']").IsVisibleAsync());
        await page.AssertNoSeriousViolationsAsync();

        await toggle.ClickAsync();
        await nav.Locator("a[href='/Admin']").WaitForAsync();
        Assert.True(await page.Locator("header a[href='/Account/Manage']").IsVisibleAsync());
        await AssertFitsTheScreenAsync(page);
        await page.AssertNoSeriousViolationsAsync();

        // The routing rules are the widest admin table: a table wider than the phone scrolls inside its own box.
        foreach (var url in new[] { "/Admin/Routing", "/Admin/Users" })
        {
            await page.GotoAsync(url);
            Assert.Equal(0, await page.Locator("main table:not(.table-responsive table)").CountAsync());
            await AssertFitsTheScreenAsync(page);
            await page.AssertNoSeriousViolationsAsync();
        }
    }

    [Fact]
    public async Task OnADesktop_TheMenuIsShownWithoutAButton()
    {
        var page = await NewPageAsync("zh-CN", width: 1280);
        await page.SignInAsync(Demo.Staff);

        Assert.EndsWith("/Staff/Queue", page.Url);
        Assert.True(await page.Locator("header nav a[href='/Staff/Queue']").IsVisibleAsync());
        Assert.True(await page.Locator("header a[href='/Account/Manage']").IsVisibleAsync());
        Assert.False(await page.Locator("header summary").IsVisibleAsync());
        await page.AssertNoSeriousViolationsAsync();
    }

    private async Task<IPage> NewPageAsync(string culture, int width)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            Locale = culture,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signing in sets the account's own language; the language switch's cookie chooses another.</summary>
    private async Task UseCultureAsync(IPage page, string culture) =>
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = browser.BaseAddress.ToString() }]);

    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var sticking = await WiderThanTheScreenAsync(page);
        Assert.True(sticking.Length == 0, $"{page.Url} is wider than the screen: {sticking}");
    }

    /// <summary>Empty when the page is no wider than the screen; otherwise the elements that stick out (outside scroll boxes).</summary>
    private static Task<string> WiderThanTheScreenAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return "";
              return [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > width + 1
                  && !(e.parentElement.closest(".table-responsive") && getComputedStyle(e).position !== "absolute"))
                .slice(-6).map(e => `${e.tagName.toLowerCase()}.${e.className}#${e.id} right=${Math.round(e.getBoundingClientRect().right)}`)
                .join("; ") || `scrollWidth ${document.documentElement.scrollWidth} > ${width}`;
            }
            """);
}
