using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>
/// The link in the confirmation email. Opening it only checks the link and offers a button: a GET never
/// writes (mail scanners open links too); the button confirms. A mangled, expired or foreign link gets a 400
/// and a way to ask for a new one.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    public bool LinkValid { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (await FindAsync(userId, code) is { } found)
            LinkValid = found.User.EmailConfirmed || await users.VerifyUserTokenAsync(found.User,
                users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<User>.ConfirmEmailTokenPurpose, found.Token);
        if (!LinkValid)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userId, string? code)
    {
        if (await FindAsync(userId, code) is { } found)
            Confirmed = (await users.ConfirmEmailAsync(found.User, found.Token)).Succeeded;
        if (!Confirmed)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<(User User, string Token)?> FindAsync(string? userId, string? code) =>
        Guid.TryParse(userId, out var id) && AccountLinks.Decode(code) is { } token && await users.FindByIdAsync(id.ToString()) is { } user
            ? (user, token) : null;
}
