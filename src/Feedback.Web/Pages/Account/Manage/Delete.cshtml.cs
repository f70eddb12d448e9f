using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Identity.Commands;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account.Manage;

/// <summary>A customer deletes their account after typing their password again (a borrowed, signed-in browser is not enough).</summary>
[Authorize]
public sealed class DeleteModel(IMediator mediator, UserManager<User> users, SignInManager<User> signIn, ICurrentUser current, GuessingLimits limits) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public DeleteInput Input { get; set; } = new();

    public IActionResult OnGet() => DeleteOwnAccount.CanDelete(current) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DeleteOwnAccount.CanDelete(current)) return Forbid();
        this.EnsureValid(Check.Required(Input.Password, nameof(Input.Password), AccountRules.PasswordMaxLength));
        var user = await users.GetUserAsync(User) ?? throw new NotFoundException();
        if (!await limits.ConfirmAsync(user, HttpContext.Connection.RemoteIpAddress, () => users.CheckPasswordAsync(user, Input.Password!)))
            throw new ValidationException([new(nameof(Input.Password), "Account.Identity.PasswordMismatch")]);
        await mediator.Send(new DeleteOwnAccount(), cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Notice", new { kind = Account.NoticeModel.AccountDeleted });
    }

    public sealed class DeleteInput
    {
        public string? Password { get; set; }
    }
}
