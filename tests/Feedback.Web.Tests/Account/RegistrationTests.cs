using Microsoft.EntityFrameworkCore;
using System.Net;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Account;

public sealed class RegistrationTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    private static Dictionary<string, string> Form(string email, string password = "a long passphrase", string? confirm = null, string name = "张三", string culture = "zh-CN") =>
        Forms.Fields(("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password), ("Input.ConfirmPassword", confirm ?? password), ("Input.Culture", culture));

    [Fact]
    public async Task Register_QueuesConfirmation_AndOnlyAConfirmedCustomerCanSignIn()
    {
        var client = _app.CreateBrowserClient();
        var email = AccountApp.NewEmail("register");

        var registered = await client.PostAsync("/Account/Register", Form(email, culture: "en"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Account/Notice/check-email", registered.Headers.Location?.OriginalString);
        var mail = Assert.Single(await _app.EmailsAsync(email, EmailTemplates.AccountConfirmation));
        Assert.Contains("张三", mail.TextBody + mail.HtmlBody);

        var early = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", email), ("Input.Password", "a long passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var earlyHtml = await early.TextAsync();
        Assert.Contains("尚未确认", earlyHtml);
        Assert.Contains("/Account/ResendConfirmation", earlyHtml);

        // Opening the link (as a mail scanner might) only offers the button; pressing it confirms.
        var link = await _app.LinkInLatestEmailAsync(email, EmailTemplates.AccountConfirmation);
        var opened = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("确认我的邮箱", await opened.TextAsync());
        Assert.False((await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed);
        var confirmed = await client.PostAsync(link, Forms.Fields());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("已确认", await confirmed.TextAsync());

        await client.SignInAsync(email, "a long passphrase");
        var user = await _app.AsUserAsync(null, async p =>
        {
            var users = p.GetRequiredService<UserManager<User>>();
            var found = (await users.FindByEmailAsync(email))!;
            return (found, await users.GetRolesAsync(found));
        });
        Assert.Equal([Roles.Customer], user.Item2);
        Assert.Equal("en", user.found.PreferredCulture);
    }

    [Fact]
    public async Task Register_WithAnAddressThatHasAnAccount_LooksTheSame_AndSendsNothing()
    {
        var client = _app.CreateBrowserClient();
        var response = await client.PostAsync("/Account/Register", Form("customer@demo.local"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Notice/check-email", response.Headers.Location?.OriginalString);
        Assert.Empty(await _app.EmailsAsync("customer@demo.local"));
    }

    [Fact]
    public async Task Register_APasswordOf7Characters_IsRefused_AndEightLowercaseLettersAreEnough()
    {
        var client = _app.CreateBrowserClient();
        var email = AccountApp.NewEmail("length");

        var tooShort = await client.PostAsync("/Account/Register", Form(email, "abcdefg"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("密码至少需要 8 个字符", await tooShort.TextAsync());
        Assert.Empty(await _app.EmailsAsync(email));

        // Also refused the same way for an address that is taken: the form reveals nothing.
        var takenTooShort = await client.PostAsync("/Account/Register", Form("customer@demo.local", "abcdefg"));
        Assert.Equal(HttpStatusCode.BadRequest, takenTooShort.StatusCode);

        var enough = await client.PostAsync("/Account/Register", Form(email, "abcdefgh"));
        Assert.Equal(HttpStatusCode.Redirect, enough.StatusCode);
        Assert.Single(await _app.EmailsAsync(email, EmailTemplates.AccountConfirmation));
    }

    [Theory]
    [InlineData("", "张三", "a long passphrase", "a long passphrase", "zh-CN", "此项为必填项")]
    [InlineData("not-an-email", "张三", "a long passphrase", "a long passphrase", "zh-CN", "有效的电子邮箱")]
    [InlineData("someone@example.com", "", "a long passphrase", "a long passphrase", "zh-CN", "此项为必填项")]
    [InlineData("someone@example.com", "张三", "a long passphrase", "another passphrase", "zh-CN", "两次输入的密码不一致")]
    [InlineData("someone@example.com", "张三", "a long passphrase", "a long passphrase", "fr", "所选的值无效")]
    public async Task Register_WithBadInput_Is400WithAMessage(string email, string name, string password, string confirm, string culture, string message)
    {
        var response = await _app.CreateBrowserClient().PostAsync("/Account/Register", Form(email, password, confirm, name, culture));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
    }

    [Theory]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmail?userId=nonsense&code=x")]
    [InlineData("/Account/ConfirmEmail?userId=0198d6a0-0000-7000-8000-000000000000&code=%%%")]
    public async Task ConfirmEmail_WithABadLink_Is400(string url)
    {
        var response = await _app.CreateBrowserClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无效或已过期", await response.TextAsync());
    }

    [Fact]
    public async Task ResendConfirmation_SendsOnlyToUnconfirmedAccounts_AndAnswersTheSame()
    {
        var unconfirmed = AccountApp.NewEmail("unconfirmed");
        await _app.CreateUserAsync(unconfirmed, "a long passphrase", confirmed: false);
        var client = _app.CreateBrowserClient();

        foreach (var email in new[] { unconfirmed, "customer@demo.local", AccountApp.NewEmail("nobody") })
        {
            var response = await client.PostAsync("/Account/ResendConfirmation", Forms.Fields(("Input.Email", email)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Notice/check-email", response.Headers.Location?.OriginalString);
        }
        Assert.Single(await _app.EmailsAsync(unconfirmed, EmailTemplates.AccountConfirmation));
        Assert.Empty(await _app.EmailsAsync("customer@demo.local"));
    }
}
