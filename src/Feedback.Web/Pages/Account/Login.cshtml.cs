using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, TwoFactorRequirement twoFactor, GuessingLimits limits) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The password was right but the address is not confirmed yet: offer to send the link again.</summary>
    public bool OfferResend { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        this.EnsureValid(Input.Validate());
        var email = Input.Email!.Trim();
        var address = HttpContext.Connection.RemoteIpAddress;
        // Before the account is looked up: a real and an unknown address get the same answer, and a refused
        // attempt does not test the password.
        if (limits.TryBeginSignIn(email, address) is { } minutes)
            throw new DomainRuleException("Account.Login.Throttled", minutes);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            UnknownAccountPassword.Check(users, Input.Password!); // as long as a real check, so timing does not tell either
            throw Invalid();
        }
        // No lockout on failure: anybody could lock anybody's account. The failure budgets stand in for it.
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            limits.SignInSucceeded(email, address);
            Response.RememberCulture(user.PreferredCulture);
            if (!user.TwoFactorEnabled && twoFactor.AppliesTo(await users.GetRolesAsync(user)))
                return Redirect(TwoFactorRequirement.SetUpPath);
            return LocalRedirect(await AfterSignInAsync(user));
        }
        if (result.RequiresTwoFactor)
        {
            limits.SignInSucceeded(email, address);
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = await AfterSignInAsync(user), Input.RememberMe });
        }
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses a locked account (by an administrator, or after wrong two-step codes) and an
            // unconfirmed address before it looks at the password; say why only to someone who knows it.
            if (!await users.CheckPasswordAsync(user, Input.Password!))
                throw Invalid();
            limits.SignInSucceeded(email, address);
            if (result.IsLockedOut)
                throw new DomainRuleException("Account.Login.LockedOut");
            OfferResend = !user.EmailConfirmed;
            throw new DomainRuleException(OfferResend ? "Account.Login.EmailNotConfirmed" : "Account.Login.Invalid");
        }
        throw Invalid();
    }

    /// <summary>The page asked for (only on this site), else the person's own work (<see cref="RoleLanding"/>).</summary>
    private async Task<string> AfterSignInAsync(User user) =>
        Url.IsLocalUrl(ReturnUrl) ? LocalUrl.OrHome(ReturnUrl) : RoleLanding.For(await users.GetRolesAsync(user));

    /// <summary>The one answer for a wrong password and an unknown address (the guess stays counted).</summary>
    private static DomainRuleException Invalid() => new("Account.Login.Invalid");

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }

        public IEnumerable<ValidationError> Validate() =>
            AccountPages.Email(Email).Concat(Check.Required(Password, nameof(Password), AccountRules.PasswordMaxLength));
    }
}
