using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>
/// A form that asks for a link by email (password reset, confirmation again). The answer is the same
/// notice whether or not the address has an account, so the form cannot be used to find out who is registered.
/// </summary>
public abstract class EmailLinkRequestModel(UserManager<User> users) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public EmailInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        this.EnsureValid(AccountPages.Email(Input.Email));
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { } user)
            await SendAsync(user, cancellationToken);
        return RedirectToPage("/Account/Notice", new { kind = NoticeModel.CheckEmail });
    }

    /// <summary>Sends the link if this account should get one.</summary>
    protected abstract Task SendAsync(User user, CancellationToken cancellationToken);

    public sealed class EmailInput
    {
        public string? Email { get; set; }
    }
}
