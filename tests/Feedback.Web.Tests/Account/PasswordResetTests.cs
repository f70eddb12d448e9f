using System.Net;
using Feedback.Domain.Notifications;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

public sealed class PasswordResetTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    [Fact]
    public async Task ForgotPassword_AnswersTheSameForEveryAddress_AndMailsOnlyAccounts()
    {
        var known = AccountApp.NewEmail("forgot");
        var unknown = AccountApp.NewEmail("nobody");
        await _app.CreateUserAsync(known, "the old passphrase");
        var client = _app.CreateBrowserClient();

        var forKnown = await client.PostAsync("/Account/ForgotPassword", Forms.Fields(("Input.Email", known)));
        var forUnknown = await client.PostAsync("/Account/ForgotPassword", Forms.Fields(("Input.Email", unknown)));

        Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(forKnown.Headers.Location, forUnknown.Headers.Location);
        Assert.Single(await _app.EmailsAsync(known, EmailTemplates.PasswordReset));
        Assert.Empty(await _app.EmailsAsync(unknown));
    }

    [Fact]
    public async Task ResetLink_SetsANewPassword_AndTheOldOneStopsWorking()
    {
        var email = AccountApp.NewEmail("reset");
        await _app.CreateUserAsync(email, "the old passphrase");
        var client = _app.CreateBrowserClient();
        await client.PostAsync("/Account/ForgotPassword", Forms.Fields(("Input.Email", email)));
        var link = await _app.LinkInLatestEmailAsync(email, EmailTemplates.PasswordReset);
        Assert.StartsWith("/Account/ResetPassword?", link);

        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;

        var mismatch = await client.PostAsync(link, Forms.Fields(("Input.Email", email), ("Input.Code", code), ("Input.Password", "the new passphrase"), ("Input.ConfirmPassword", "something else")));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("两次输入的密码不一致", await mismatch.TextAsync());

        var reset = await client.PostAsync(link, Forms.Fields(("Input.Email", email), ("Input.Code", code), ("Input.Password", "the new passphrase"), ("Input.ConfirmPassword", "the new passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/Notice/password-reset", reset.Headers.Location?.OriginalString);

        var old = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", email), ("Input.Password", "the old passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        await client.SignInAsync(email, "the new passphrase");

        // A link works once: the new password changed the security stamp the token was made with.
        var again = await _app.CreateBrowserClient().PostAsync(link, Forms.Fields(("Input.Email", email), ("Input.Code", code), ("Input.Password", "a third passphrase"), ("Input.ConfirmPassword", "a third passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("无效或已过期", await again.TextAsync());
    }

    [Theory]
    [InlineData("/Account/ResetPassword")]
    [InlineData("/Account/ResetPassword?code=%25%25&email=a%40b.cn")]
    public async Task ResetPage_WithABrokenLink_Is400(string url)
    {
        var response = await _app.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无效或已过期", await response.TextAsync());
    }

    [Fact]
    public async Task ForgotPassword_WithBadInput_Is400()
    {
        var response = await _app.CreateBrowserClient().PostAsync("/Account/ForgotPassword", Forms.Fields(("Input.Email", "nope")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("有效的电子邮箱", await response.TextAsync());
    }
}
