using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>The link in the confirmation email. A mangled, expired or foreign link gets a 400 and a way to ask for a new one.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (Guid.TryParse(userId, out var id) && AccountLinks.Decode(code) is { } token && await users.FindByIdAsync(id.ToString()) is { } user)
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!Confirmed)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
