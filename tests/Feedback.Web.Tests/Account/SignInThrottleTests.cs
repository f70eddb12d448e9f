using System.Net;
using Feedback.Domain.Common;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Account;

/// <summary>
/// Wrong passwords are throttled per account at one address, per account and per address — never by locking
/// the account — and a real and an unknown account get the same answers.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Throttled = "分钟后再试";
    private const string Invalid = "邮箱或密码不正确";

    private static Dictionary<string, string> Form(string email, string password) =>
        Forms.Fields(("Input.Email", email), ("Input.Password", password));

    [Fact]
    public async Task WrongPasswords_StopTheGuesser_NotTheOwnerElsewhere_AndUnknownAccountsLookTheSame()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SignInFailures:PerAccountAndAddress"] = "5" });
        var email = AccountApp.NewEmail("guessed");
        await app.CreateUserAsync(email, "the right passphrase");
        var unknown = AccountApp.NewEmail("nobody");
        var guesser = app.CreateClientFrom("203.0.113.50");

        foreach (var account in new[] { email, unknown })
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var wrong = await guesser.PostAsync("/Account/Login", Form(account, "a wrong passphrase"));
                Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
                Assert.Contains(Invalid, await wrong.TextAsync());
            }
            var refused = await guesser.PostAsync("/Account/Login", Form(account, account == email ? "the right passphrase" : "a wrong passphrase"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.TextAsync();
            Assert.Contains(Throttled, html);
            Assert.DoesNotContain("锁定", html);
        }

        // The account itself was never locked: its owner signs in from their own address.
        var user = await app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        var owner = await app.CreateClientFrom("198.51.100.7").PostAsync("/Account/Login", Form(email, "the right passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task GuessesSentAllAtOnce_GetNoMoreThanTheBudget()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SignInFailures:PerAccountAndAddress"] = "5" });
        var email = AccountApp.NewEmail("burst");
        await app.CreateUserAsync(email, "the right passphrase");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            await (await app.CreateClientFrom("203.0.113.88").PostAsync("/Account/Login", Form(email, "a wrong passphrase"))).TextAsync()));

        Assert.Equal(5, answers.Count(a => a.Contains(Invalid)));
        Assert.Equal(15, answers.Count(a => a.Contains(Throttled)));
    }

    [Fact]
    public async Task ManyWrongPasswords_ForOneAccountFromManyAddresses_AreThrottledForThatAccount()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SignInFailures:PerAccount"] = "4" });
        var email = AccountApp.NewEmail("spread");
        await app.CreateUserAsync(email, "the right passphrase");
        for (var i = 1; i <= 4; i++)
            Assert.Contains(Invalid, await (await app.CreateClientFrom($"203.0.113.{i}").PostAsync("/Account/Login", Form(email, "wrong"))).TextAsync());

        var refused = await app.CreateClientFrom("203.0.113.99").PostAsync("/Account/Login", Form(email, "the right passphrase"));
        Assert.Contains(Throttled, await refused.TextAsync());
    }

    [Fact]
    public async Task ManyWrongPasswords_FromOneAddress_AcrossAccounts_AreThrottledForThatAddress()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SignInFailures:PerAddress"] = "3" });
        var stuffer = app.CreateClientFrom("203.0.113.66");
        for (var i = 0; i < 3; i++)
            Assert.Contains(Invalid, await (await stuffer.PostAsync("/Account/Login", Form(AccountApp.NewEmail("stuffed"), "wrong"))).TextAsync());

        Assert.Contains(Throttled, await (await stuffer.PostAsync("/Account/Login", Form("customer@demo.local", FeedbackApp.DemoPassword))).TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClientFrom("198.51.100.8").PostAsync("/Account/Login", Form("customer@demo.local", FeedbackApp.DemoPassword))).StatusCode);
    }

    [Theory]
    [InlineData("/Account/Manage/Password", "Input.CurrentPassword")]
    [InlineData("/Account/Manage/Delete", "Input.Password")]
    public async Task AnOpenSession_CannotBeUsedToGuessThePassword(string page, string field)
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SignInFailures:PerAccountAndAddress"] = "2" });
        var email = AccountApp.NewEmail("borrowed");
        await app.CreateUserAsync(email, "the right passphrase", true, Roles.Customer);
        var client = app.CreateClientFrom("203.0.113.77");
        await client.SignInAsync(email, "the right passphrase");
        Dictionary<string, string> Fields(string password) => Forms.Fields((field, password), ("Input.NewPassword", "a newer passphrase"), ("Input.ConfirmPassword", "a newer passphrase"));

        for (var i = 0; i < 2; i++)
            Assert.Contains("密码不正确", await (await client.PostAsync(page, Fields("a guess"))).TextAsync());
        var refused = await client.PostAsync(page, Fields("the right passphrase"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Throttled, await refused.TextAsync());
    }

    [Fact]
    public async Task AnAccountLockedByAnAdministrator_IsOnlySaidToBeLocked_ToSomeoneWhoKnowsThePassword()
    {
        using var app = new AccountApp();
        var email = AccountApp.NewEmail("locked");
        await app.CreateUserAsync(email, "the right passphrase");
        await app.DbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1))));
        var client = app.CreateBrowserClient();

        Assert.Contains(Invalid, await (await client.PostAsync("/Account/Login", Form(email, "a wrong passphrase"))).TextAsync());
        Assert.Contains("锁定", await (await client.PostAsync("/Account/Login", Form(email, "the right passphrase"))).TextAsync());
    }
}
