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

/// <summary>Second step of signing in: the six-digit code from the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<User> signIn) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        this.EnsureValid(Check.Required(Input.Code, nameof(Input.Code), 20));

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AccountPages.CleanCode(Input.Code), RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            Response.RememberCulture(user.PreferredCulture);
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
            throw new DomainRuleException("Account.Login.LockedOut");
        throw new ValidationException([new(nameof(Input.Code), "Account.TwoFactor.InvalidCode")]);
    }

    public sealed class CodeInput
    {
        public string? Code { get; set; }
    }
}
