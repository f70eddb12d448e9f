using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Account;

/// <summary>How the two-factor secrets are stored, and what changing two-factor settings needs.</summary>
public sealed partial class TwoFactorSecretsTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private const string Page = "/Account/Manage/TwoFactor";
    private const string Password = "a long passphrase";
    private readonly AccountApp _app = fixture.App;

    [GeneratedRegex("<kbd class=\"shared-key\">([^<]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    private sealed record Enabled(HttpClient Client, User User, string Key, List<string> RecoveryCodes, string UsedCode);

    /// <summary>A new customer who has turned two-step verification on through the page.</summary>
    private async Task<Enabled> EnableAsync()
    {
        var email = AccountApp.NewEmail("twofactor");
        var user = await _app.CreateUserAsync(email, Password);
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(Page, Forms.Fields(), postUrl: Page + "?handler=Begin")).StatusCode);
        var key = SharedKey().Match(await (await client.GetAsync(Page)).TextAsync()).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var enabled = await client.PostAsync(Page, Forms.Fields(("Input.Code", code)), postUrl: Page + "?handler=Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCode().Matches(await enabled.TextAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return new(client, user, key, codes, code);
    }

    private Task<List<IdentityUserToken<Guid>>> TokensAsync(Guid userId) =>
        _app.DbAsync(db => db.UserTokens.Where(t => t.UserId == userId).ToListAsync());

    [Fact]
    public async Task NeitherTheKeyNorTheRecoveryCodes_AreStoredInTheClear()
    {
        var (_, user, key, codes, _) = await EnableAsync();

        var tokens = await TokensAsync(user.Id);
        var everything = string.Join("\n", tokens.Select(t => t.Value));
        Assert.DoesNotContain(key, everything, StringComparison.OrdinalIgnoreCase);
        foreach (var code in codes)
            Assert.DoesNotContain(code, everything, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("dp1:", tokens.Single(t => t.Name == ProtectedSecretsUserStore.AuthenticatorKeyToken).Value);
        Assert.All(tokens.Single(t => t.Name == ProtectedSecretsUserStore.RecoveryCodesToken).Value!.Split(';'), v => Assert.StartsWith("sha256:", v));
    }

    [Fact]
    public async Task OpeningTheSetUpPage_WritesNothing()
    {
        var email = AccountApp.NewEmail("looker");
        await _app.CreateUserAsync(email, Password);
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email, Password);
        var before = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));

        for (var i = 0; i < 2; i++)
            Assert.Contains("开始设置", await (await client.GetAsync(Page)).TextAsync());

        var after = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Empty(await TokensAsync(after.Id));
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
    }

    [Theory]
    [InlineData("Disable")]
    [InlineData("Reset")]
    [InlineData("RecoveryCodes")]
    public async Task ChangingTwoFactor_WithTheSessionAlone_OrAWrongProof_ChangesNothing(string handler)
    {
        var (client, user, _, codes, _) = await EnableAsync();

        var bare = await client.PostAsync(Page, Forms.Fields(), postUrl: $"{Page}?handler={handler}");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("此项为必填项", await bare.TextAsync());
        foreach (var wrong in new[] { "not my passphrase", "000000" })
        {
            var refused = await client.PostAsync(Page, Forms.Fields(("Input.Proof", wrong)), postUrl: $"{Page}?handler={handler}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("密码或验证码不正确", await refused.TextAsync());
        }

        var stored = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.True(stored.TwoFactorEnabled);
        Assert.True(await _app.AsUserAsync(null, async p =>
        {
            var users = p.GetRequiredService<UserManager<User>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!) == codes.Count;
        }));
    }

    [Fact]
    public async Task TurningItOff_WithThePassword_AndANewKey_WithACurrentCode()
    {
        var off = await EnableAsync();
        var disabled = await off.Client.PostAsync(Page, Forms.Fields(("Input.Proof", Password)), postUrl: $"{Page}?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await _app.DbAsync(db => db.Users.SingleAsync(u => u.Id == off.User.Id))).TwoFactorEnabled);

        var reset = await EnableAsync();
        // The code that turned it on was used; the next time step's code is current and unused.
        var next = Totp.Code(reset.Key, DateTimeOffset.UtcNow.AddSeconds(30));
        var done = await reset.Client.PostAsync(Page, Forms.Fields(("Input.Proof", next)), postUrl: $"{Page}?handler=Reset");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var newKey = SharedKey().Match(await (await reset.Client.GetAsync(Page)).TextAsync()).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.NotEqual(reset.Key, newKey);
        Assert.NotEmpty(newKey);
    }

    [Fact]
    public async Task PlainSecretsStoredBefore_StillWork_AndAreConverted()
    {
        var email = AccountApp.NewEmail("legacy");
        var user = await _app.CreateUserAsync(email, Password);
        const string plainKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await _app.DbAsync(async db =>
        {
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = ProtectedSecretsUserStore.IdentityProvider, Name = ProtectedSecretsUserStore.AuthenticatorKeyToken, Value = plainKey });
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = ProtectedSecretsUserStore.IdentityProvider, Name = ProtectedSecretsUserStore.RecoveryCodesToken, Value = "AAAAA-11111;BBBBB-22222;CCCCC-33333" });
            return await db.SaveChangesAsync();
        });

        await _app.AsUserAsync(null, async p =>
        {
            var users = p.GetRequiredService<UserManager<User>>();
            var found = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.Equal(plainKey, await users.GetAuthenticatorKeyAsync(found));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(found, "AAAAA-11111")).Succeeded);
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(found, "AAAAA-11111")).Succeeded);
            return 0;
        });
        var codes = (await TokensAsync(user.Id)).Single(t => t.Name == ProtectedSecretsUserStore.RecoveryCodesToken).Value!;
        Assert.DoesNotContain("BBBBB", codes);

        // At start-up, the conversion protects the key.
        await _app.AsUserAsync(null, async p =>
        {
            await p.GetServices<ISeeder>().OfType<TwoFactorSecretsMigration>().Single().SeedAsync(CancellationToken.None);
            return 0;
        });
        Assert.StartsWith("dp1:", (await TokensAsync(user.Id)).Single(t => t.Name == ProtectedSecretsUserStore.AuthenticatorKeyToken).Value);
        await _app.AsUserAsync(null, async p =>
        {
            var users = p.GetRequiredService<UserManager<User>>();
            var found = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.Equal(plainKey, await users.GetAuthenticatorKeyAsync(found));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(found, "bbbbb-22222")).Succeeded);
            return 0;
        });
    }
}
