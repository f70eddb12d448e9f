using Feedback.Web.Tests.Browser;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Api;

/// <summary>The API key page in a real browser: create, use, revoke; axe-core on every state, both languages.</summary>
public sealed class ApiKeysPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdminCreatesAKey_ItIsUsed_ThenRevoked_AndThePageStaysAccessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", ApiTestHelpers.Admin);
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        await page.GotoAsync("/Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "API 密钥" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Refused input is explained on the field.
        await page.FillAsync("#Input_Name", "热线系统");
        await page.CheckAsync("#Input_Hotline");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        Assert.Contains("热线接口密钥必须指定所代表的员工账号", await page.InnerTextAsync("main"));
        await page.AssertNoSeriousViolationsAsync();

        await page.FillAsync("#Input_ActingUserEmail", ApiTestHelpers.Dispatcher);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        var secret = await page.InputValueAsync("#created-secret");
        Assert.StartsWith("fbk_", secret);
        await page.AssertNoSeriousViolationsAsync();

        var client = browser.App.CreateClient().WithKey(secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/changes")).StatusCode);
        await browser.App.WaitForLogAsync(db => db.ApiRequestLog);

        // The rest in English, as the language switch would set it.
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = browser.BaseAddress.ToString() }]);
        await page.GotoAsync("/Admin/ApiKeys");
        Assert.Contains("GET /api/v1/changes", await page.InnerTextAsync("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke 热线系统" }).ClickAsync();
        Assert.Contains("The key has been revoked.", await page.InnerTextAsync("[role=status]"));
        await page.AssertNoSeriousViolationsAsync();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/changes")).StatusCode);
    }
}
