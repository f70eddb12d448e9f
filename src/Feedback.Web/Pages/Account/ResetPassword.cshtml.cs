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

/// <summary>Choosing a new password from the link in a reset email or a staff invitation.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(UserManager<User> users) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public ResetInput Input { get; set; } = new();

    public IActionResult OnGet(string? code, string? email)
    {
        Input = new ResetInput { Code = code ?? "", Email = email ?? "" };
        if (AccountLinks.Decode(code) is null)
            throw new DomainRuleException("Account.Reset.InvalidLink");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        this.EnsureValid(AccountPages.Email(Input.Email).Concat(AccountPages.NewPassword(Input.Password, Input.ConfirmPassword)));
        var token = AccountLinks.Decode(Input.Code) ?? throw new DomainRuleException("Account.Reset.InvalidLink");
        // No account, no reset; but the answer looks like success so the form reveals nobody.
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is not { } user)
            return RedirectToPage("/Account/Notice", new { kind = NoticeModel.PasswordReset });

        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (result.Errors.Any(e => e.Code == "InvalidToken"))
            throw new DomainRuleException("Account.Reset.InvalidLink");
        if (!result.Succeeded)
            throw result.ToValidationException(users.Options.Password.RequiredLength);
        return RedirectToPage("/Account/Notice", new { kind = NoticeModel.PasswordReset });
    }

    public sealed class ResetInput
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
