namespace Feedback.Web.Tests.Browser;

/// <summary>The public pages in a real browser, in both languages, checked by axe-core.</summary>
public sealed class PublicPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("zh-CN", "欢迎")]
    [InlineData("en", "Welcome")]
    public async Task HomePage_IsAccessible_InEachLanguage(string culture, string greeting)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");
        Assert.Contains(greeting, await page.InnerTextAsync("h1"));
        await page.AssertNoSeriousViolationsAsync();
    }
}
