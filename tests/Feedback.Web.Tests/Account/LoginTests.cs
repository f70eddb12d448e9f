using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

public sealed class LoginTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    private static Dictionary<string, string> Form(string email, string password, string? returnUrl = null)
    {
        var fields = Forms.Fields(("Input.Email", email), ("Input.Password", password));
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return fields;
    }

    [Fact]
    public async Task DemoCustomer_SignsIn_AndGoesBackToALocalPage()
    {
        var client = _app.CreateBrowserClient();
        var response = await client.PostAsync("/Account/Login?returnUrl=%2FAccount%2FManage", Form("customer@demo.local", FeedbackApp.DemoPassword, "/Account/Manage"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_NeverRedirectsOffSite(string returnUrl)
    {
        var response = await _app.CreateBrowserClient().PostAsync("/Account/Login", Form("customer2@demo.local", FeedbackApp.DemoPassword, returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Not there: to the customer's own page instead (RoleLanding).
        Assert.Equal("/Customer/Cases", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_AndUnknownAddress_GetTheSameAnswer()
    {
        var client = _app.CreateBrowserClient();
        var wrong = await client.PostAsync("/Account/Login", Form("supervisor@demo.local", "not the password"));
        var unknown = await client.PostAsync("/Account/Login", Form(AccountApp.NewEmail("nobody"), "not the password"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("邮箱或密码不正确", await wrong.TextAsync());
        Assert.Contains("邮箱或密码不正确", await unknown.TextAsync());
    }

    [Fact]
    public async Task UnconfirmedAccount_WithAWrongPassword_IsNotToldItIsUnconfirmed()
    {
        var email = AccountApp.NewEmail("unconfirmed");
        await _app.CreateUserAsync(email, "the right passphrase", confirmed: false);
        var response = await _app.CreateBrowserClient().PostAsync("/Account/Login", Form(email, "a wrong passphrase"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("邮箱或密码不正确", html);
        Assert.DoesNotContain("尚未确认", html);
    }

    [Theory]
    [InlineData("", "x", "此项为必填项")]
    [InlineData("customer@demo.local", "", "此项为必填项")]
    [InlineData("not an email", "x", "有效的电子邮箱")]
    public async Task Login_WithBadInput_Is400WithAMessage(string email, string password, string message)
    {
        var response = await _app.CreateBrowserClient().PostAsync("/Account/Login", Form(email, password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
    }

    [Fact]
    public async Task Logout_OnlyByPost()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("customer2@demo.local");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync("/Account/Logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        var signedOut = await client.PostAsync("/", Forms.Fields(), postUrl: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/Account/Login", manage.Headers.Location?.PathAndQuery ?? manage.Headers.Location?.OriginalString);
    }
}
