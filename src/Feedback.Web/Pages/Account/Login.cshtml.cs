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

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, TwoFactorRequirement twoFactor) : PageModel, IFormPrefix
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
        var user = await users.FindByEmailAsync(Input.Email!.Trim()) ?? throw new DomainRuleException("Account.Login.Invalid");
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Response.RememberCulture(user.PreferredCulture);
            if (!user.TwoFactorEnabled && twoFactor.AppliesTo(await users.GetRolesAsync(user)))
                return Redirect(TwoFactorRequirement.SetUpPath);
            return LocalRedirect(await AfterSignInAsync(user));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = await AfterSignInAsync(user), Input.RememberMe });
        if (result.IsLockedOut)
            throw new DomainRuleException("Account.Login.LockedOut");
        if (result.IsNotAllowed)
        {
            // Identity refuses an unconfirmed address before it looks at the password; say so only to
            // someone who knows the password, and count a wrong one like any other.
            if (await users.CheckPasswordAsync(user, Input.Password!))
            {
                OfferResend = !user.EmailConfirmed;
                throw new DomainRuleException(OfferResend ? "Account.Login.EmailNotConfirmed" : "Account.Login.Invalid");
            }
            await users.AccessFailedAsync(user);
        }
        throw new DomainRuleException("Account.Login.Invalid");
    }

    /// <summary>The page asked for (only on this site), else the person's own work (<see cref="RoleLanding"/>).</summary>
    private async Task<string> AfterSignInAsync(User user) =>
        Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : RoleLanding.For(await users.GetRolesAsync(user));

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }

        public IEnumerable<ValidationError> Validate() =>
            AccountPages.Email(Email).Concat(Check.Required(Password, nameof(Password), AccountRules.PasswordMaxLength));
    }
}
