using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Identity;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// Where each role lands after signing in, and what the header tells a signed-in person: who they are, a link
/// to their account (data download and deletion), and only the links that are theirs.
/// </summary>
public sealed partial class NavigationTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    [Theory]
    [InlineData(Demo.Staff, "/Staff/Queue")]
    [InlineData(Demo.Head, "/Staff/Queue")]
    [InlineData(Demo.Dispatcher, "/Dispatch/Triage")]
    [InlineData(Demo.Admin, "/Admin")]
    [InlineData(Demo.Supervisor, "/Supervisor")]
    [InlineData(Demo.Customer, "/Customer/Cases")]
    public async Task SignIn_LandsOnTheRolesOwnWork(string email, string landing)
    {
        using var client = world.App.CreateBrowserClient();

        var response = await SignInAsync(client, "/Account/Login", email);

        Assert.Equal(landing, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(landing)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTwoFactor_LandsOnTheRolesOwnWorkAfterTheCode()
    {
        var key = await world.App.AsUserAsync(null, async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(Demo.Staff2))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        using var client = world.App.CreateBrowserClient();

        var step = (await SignInAsync(client, "/Account/Login", Demo.Staff2)).Headers.Location!.OriginalString;
        Assert.StartsWith("/Account/LoginWith2fa", step);
        var signedIn = await client.PostAsync(step, Forms.Fields(("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Staff/Queue", signedIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/Public/Statistics", "/Public/Statistics")]
    [InlineData("/Customer/Cases", "/Customer/Cases")]
    // Never somewhere else: a return address off the site is ignored, and the role's own page is used.
    [InlineData("https://evil.example/", "/Staff/Queue")]
    [InlineData("//evil.example/", "/Staff/Queue")]
    public async Task SignIn_WithAReturnUrl_GoesThereWhenItIsOnThisSite(string returnUrl, string expected)
    {
        using var client = world.App.CreateBrowserClient();

        var response = await SignInAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), Demo.Staff);

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Demo.Staff, "zh-CN", "电费中心 张伟", false)]
    [InlineData(Demo.Head, "en", "电费中心主任 李强", false)]
    [InlineData(Demo.Dispatcher, "zh-CN", "调度员 王芳", false)]
    [InlineData(Demo.Admin, "en", "系统管理员 Admin", false)]
    [InlineData(Demo.Customer, "zh-CN", "客户 孙丽", true)]
    [InlineData(Demo.Supervisor, "en", "行风监督员 吴静", true)]
    public async Task Header_SaysWhoIsSignedIn_LinksTheirAccount_AndMyCasesOnlyForThoseWhoFile(string email, string culture, string name, bool myCases)
    {
        var header = Header(await world.PageAsync(email, $"/?culture={culture}"));

        Assert.Contains(name, header);
        Assert.Matches(@"<a[^>]+href=""/Account/Manage""", header);
        Assert.Equal(myCases, header.Contains("href=\"/Customer/Cases\""));
        Assert.Contains(culture == "en" ? "Sign out" : "退出", header);
    }

    [Fact]
    public async Task Header_ForSomeoneNotSignedIn_OffersSignInOnly()
    {
        var header = Header(await world.PageAsync(null, "/"));

        Assert.Contains("href=\"/Account/Login\"", header);
        Assert.DoesNotContain("/Account/Manage", header);
        Assert.DoesNotContain("/Customer/Cases", header);
    }

    [Fact]
    public async Task AccountPage_OffersTheDataDownloadAndDeletion()
    {
        var html = await world.PageAsync(Demo.Customer, "/Account/Manage");

        Assert.Contains("href=\"/Account/Manage?handler=Export\"", html);
        Assert.Contains("href=\"/Account/Manage/Delete\"", html);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string url, string email)
    {
        var response = await client.PostAsync(url, Forms.Fields(("Input.Email", email), ("Input.Password", FeedbackApp.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Header(string html) => HeaderElement().Match(html).Value;

    [GeneratedRegex(@"<header.*?</header>", RegexOptions.Singleline)]
    private static partial Regex HeaderElement();
}
