using System.Net;
using System.Text.RegularExpressions;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

/// <summary>With Security:RequireTwoFactorForStaff on, as in production.</summary>
public sealed partial class TwoFactorTests(TwoFactorTests.StrictApp fixture) : IClassFixture<TwoFactorTests.StrictApp>
{
    public sealed class StrictApp : IDisposable
    {
        public AccountApp App { get; } = new(new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });
        public void Dispose() => App.Dispose();
    }

    private const string SetUpPage = "/Account/Manage/TwoFactor";
    private readonly AccountApp _app = fixture.App;

    [GeneratedRegex("<kbd class=\"shared-key\">([^<]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [Fact]
    public async Task StaffWithoutTwoFactor_IsHeldOnTheSetUpPage_UntilTheyConfirmACode_AndThenNeedACodeToSignIn()
    {
        var client = _app.CreateBrowserClient();
        var signIn = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", "staff.billing@demo.local"), ("Input.Password", FeedbackApp.DemoPassword)));
        Assert.Equal(SetUpPage, signIn.Headers.Location?.OriginalString);
        foreach (var elsewhere in new[] { "/", "/Account/Manage", "/Account/Manage/Password" })
        {
            var response = await client.GetAsync(elsewhere);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(SetUpPage, response.Headers.Location?.OriginalString);
        }

        // Opening the page makes no key (a GET never writes): a button does.
        var opened = await client.GetAsync(SetUpPage);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.DoesNotMatch(SharedKey(), await opened.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(SetUpPage, Forms.Fields(), postUrl: SetUpPage + "?handler=Begin")).StatusCode);
        var setUp = await client.GetAsync(SetUpPage);
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
        var html = await setUp.TextAsync();
        var key = SharedKey().Match(html).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains($"otpauth://totp/95598%20Feedback:staff.billing%40demo.local?secret={key.Replace(" ", "").ToUpperInvariant()}&issuer=95598%20Feedback&digits=6", html);

        var wrong = await client.PostAsync(SetUpPage, Forms.Fields(("Input.Code", "12345")), postUrl: SetUpPage + "?handler=Enable");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("验证码不正确", await wrong.TextAsync());

        var enableCode = Totp.Code(key, DateTimeOffset.UtcNow);
        var enabled = await client.PostAsync(SetUpPage, Forms.Fields(("Input.Code", enableCode)), postUrl: SetUpPage + "?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = RecoveryCode().Matches(await enabled.TextAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        // Shown once only.
        Assert.DoesNotContain(recoveryCodes[0], await (await client.GetAsync(SetUpPage)).TextAsync());

        await client.PostAsync("/", Forms.Fields(), postUrl: "/Account/Logout");
        var again = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", "staff.billing@demo.local"), ("Input.Password", FeedbackApp.DemoPassword)));
        Assert.StartsWith("/Account/LoginWith2fa", again.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode); // not signed in yet

        var badCode = await client.PostAsync(again.Headers.Location!.OriginalString, Forms.Fields(("Input.Code", "12345")));
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        // A code is accepted once: the one that turned two-step verification on is still in its time window.
        var replayed = await client.PostAsync(again.Headers.Location!.OriginalString, Forms.Fields(("Input.Code", enableCode)));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("验证码不正确", await replayed.TextAsync());
        // The next time step's code.
        var withCode = await client.PostAsync(again.Headers.Location!.OriginalString, Forms.Fields(("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)))));
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        // Without the phone: a recovery code, once.
        var other = _app.CreateBrowserClient();
        var step = await other.PostAsync("/Account/Login", Forms.Fields(("Input.Email", "staff.billing@demo.local"), ("Input.Password", FeedbackApp.DemoPassword)));
        var recovered = await other.PostAsync("/Account/LoginWithRecoveryCode", Forms.Fields(("Input.RecoveryCode", recoveryCodes[3])));
        Assert.StartsWith("/Account/LoginWith2fa", step.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Account/Manage")).StatusCode);
        var third = _app.CreateBrowserClient();
        await third.PostAsync("/Account/Login", Forms.Fields(("Input.Email", "staff.billing@demo.local"), ("Input.Password", FeedbackApp.DemoPassword)));
        var reused = await third.PostAsync("/Account/LoginWithRecoveryCode", Forms.Fields(("Input.RecoveryCode", recoveryCodes[3])));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);

        // Required for staff: it cannot be switched off.
        var disable = await client.PostAsync(SetUpPage, Forms.Fields(), postUrl: SetUpPage + "?handler=Disable");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("无法关闭", await disable.TextAsync());
    }

    [Fact]
    public async Task Customers_AreNotHeldOnTheSetUpPage()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("customer@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task TheSecondStep_WithoutTheFirst_GoesBackToSignIn()
    {
        var response = await _app.CreateBrowserClient().GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
    }
}
