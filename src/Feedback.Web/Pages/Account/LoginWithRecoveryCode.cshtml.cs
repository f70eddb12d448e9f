using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

/// <summary>Second step of signing in without the phone: one of the recovery codes (each works once).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public RecoveryInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        this.EnsureValid(Check.Required(Input.RecoveryCode, nameof(Input.RecoveryCode), 40));

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(AccountPages.CleanRecoveryCode(Input.RecoveryCode));
        if (result.Succeeded)
        {
            Response.RememberCulture(user.PreferredCulture);
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
            throw new DomainRuleException("Account.Login.LockedOut");
        throw new ValidationException([new(nameof(Input.RecoveryCode), "Account.TwoFactor.InvalidRecoveryCode")]);
    }

    public sealed class RecoveryInput
    {
        public string? RecoveryCode { get; set; }
    }
}
