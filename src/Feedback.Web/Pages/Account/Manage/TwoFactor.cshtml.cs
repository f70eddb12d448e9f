using System.Text;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account.Manage;

/// <summary>
/// Two-factor authentication with an authenticator app: set up (shared key and otpauth URI as text — no QR
/// code library here), confirm with a code, recovery codes shown once, disable (unless the role requires it), reset;
/// the last three need the password or a current code.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, TwoFactorRequirement requirement, GuessingLimits limits) : PageModel, IFormPrefix
{
    public const string Issuer = "95598 Feedback";
    public const int RecoveryCodeCount = 10;

    public string FormPrefix => "Input";

    [BindProperty] public CodeInput Input { get; set; } = new();

    public bool IsEnabled { get; private set; }
    /// <summary>The person's roles require two-factor authentication, so it cannot be switched off.</summary>
    public bool IsRequired { get; private set; }
    /// <summary>A key has been made (and not yet confirmed, when two-factor is off).</summary>
    public bool HasKey { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Only right after they were made: they are stored hashed and can never be shown again.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    /// <summary>Only shows: a GET never writes (no key is made here; see <see cref="OnPostBeginAsync"/>).</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(await CurrentUserAsync());
        return Page();
    }

    /// <summary>Makes the shared key to type into the app (once; later visits show the same key until it is confirmed).</summary>
    public async Task<IActionResult> OnPostBeginAsync()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            Ensure(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user); // making a key renews the security stamp
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        await LoadAsync(user);
        this.EnsureValid(Check.Required(Input.Code, nameof(Input.Code), 20));
        if (IsEnabled || !HasKey) return RedirectToPage();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AccountPages.CleanCode(Input.Code)))
            throw new ValidationException([new(nameof(Input.Code), "Account.TwoFactor.InvalidCode")]);

        user.MustSetUpTwoFactor = false;
        Ensure(await users.SetTwoFactorEnabledAsync(user, true));
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user); // the cookie now says two-factor is on, which lifts the set-up requirement
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentUserAsync();
        await LoadAsync(user);
        if (!IsEnabled) throw new DomainRuleException("Account.TwoFactor.NotEnabled");
        await RequireProofAsync(user);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        await LoadAsync(user);
        if (IsRequired) throw new DomainRuleException("Account.TwoFactor.Required");
        await RequireProofAsync(user);
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    /// <summary>A new key (the old phone stops working): two-factor is off until the new key is confirmed.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await CurrentUserAsync();
        await LoadAsync(user);
        await RequireProofAsync(user);
        Ensure(await users.SetTwoFactorEnabledAsync(user, false));
        Ensure(await users.ResetAuthenticatorKeyAsync(user));
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    /// <summary>
    /// New recovery codes, turning it off and a new key need the password or a current code, not just the
    /// session: whoever sat down at an open browser must not take over the second factor. Wrong answers count
    /// against the account's sign-in budget.
    /// </summary>
    private async Task RequireProofAsync(User user)
    {
        this.EnsureValid(Check.Required(Input.Proof, nameof(Input.Proof), AccountRules.PasswordMaxLength));
        var code = AccountPages.CleanCode(Input.Proof);
        // Passwords have at least 8 characters, codes 6 digits: what was typed says which it is.
        var proved = await limits.ConfirmAsync(user, HttpContext.Connection.RemoteIpAddress, () =>
            code.Length == 6 && code.All(char.IsAsciiDigit)
                ? users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                : users.CheckPasswordAsync(user, Input.Proof!));
        if (!proved)
            throw new ValidationException([new(nameof(Input.Proof), "Account.TwoFactor.ProofWrong")]);
    }

    private async Task<User> CurrentUserAsync() => await users.GetUserAsync(User) ?? throw new NotFoundException();

    private async Task LoadAsync(User user)
    {
        IsEnabled = user.TwoFactorEnabled;
        IsRequired = requirement.AppliesTo(await users.GetRolesAsync(user));
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (IsEnabled) return;

        var key = await users.GetAuthenticatorKeyAsync(user);
        HasKey = !string.IsNullOrEmpty(key);
        if (!HasKey) return;
        SharedKey = FormatKey(key!);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }

    /// <summary>Groups of four, lower case: easier to type into a phone.</summary>
    internal static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Two-factor update failed: {result.Errors.First().Code}");
    }

    public sealed class CodeInput
    {
        /// <summary>The code that confirms a new key.</summary>
        public string? Code { get; set; }
        /// <summary>The password or a current code, for the changes that need one.</summary>
        public string? Proof { get; set; }
    }
}
