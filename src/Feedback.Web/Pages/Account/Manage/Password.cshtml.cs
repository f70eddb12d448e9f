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

[Authorize]
public sealed class PasswordModel(UserManager<User> users, SignInManager<User> signIn, GuessingLimits limits) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public PasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        this.EnsureValid(Check.Required(Input.CurrentPassword, nameof(Input.CurrentPassword), AccountRules.PasswordMaxLength)
            .Concat(AccountPages.NewPassword(Input.NewPassword, Input.ConfirmPassword, nameof(Input.NewPassword))));
        var user = await users.GetUserAsync(User) ?? throw new NotFoundException();
        if (!await limits.ConfirmAsync(user, HttpContext.Connection.RemoteIpAddress, () => users.CheckPasswordAsync(user, Input.CurrentPassword!)))
            throw new ValidationException([new(nameof(Input.CurrentPassword), "Account.Identity.PasswordMismatch")]);
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
            throw new ValidationException([new(nameof(Input.CurrentPassword), "Account.Identity.PasswordMismatch")]);
        if (!result.Succeeded)
            throw result.ToValidationException(users.Options.Password.RequiredLength, nameof(Input.NewPassword));
        await signIn.RefreshSignInAsync(user); // a new password renews the security stamp, which this cookie carries
        return RedirectToPage("/Account/Manage/Index", new { saved = true });
    }

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
