using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>
/// The second step of signing in (after the password): only reachable with the short-lived two-factor cookie
/// that the password step sets; without it, back to the sign-in form.
/// </summary>
public abstract class TwoFactorStepModel(SignInManager<User> signIn) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        var (field, code) = SubmittedCode;
        this.EnsureValid(Check.Required(code, field, 40));

        var result = await SignInAsync(signIn, code!);
        if (result.Succeeded)
        {
            Response.RememberCulture(user.PreferredCulture);
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
            throw new DomainRuleException("Account.Login.LockedOut");
        throw new ValidationException([new(field, WrongCodeMessage)]);
    }

    /// <summary>The form field and what was typed into it.</summary>
    protected abstract (string Field, string? Code) SubmittedCode { get; }
    protected abstract string WrongCodeMessage { get; }
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> signIn, string code);
}
