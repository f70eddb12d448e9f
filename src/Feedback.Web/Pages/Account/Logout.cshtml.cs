using Feedback.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token (the header's button): a link or an image cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>
    /// Renews the security stamp first: a copy of the cookie (another tab, a stolen or a shared computer's)
    /// stops working at its next stamp check (Security:SessionCheckSeconds), not when it expires. This signs
    /// the person out of their other browsers too, which is what "sign out" should mean on a shared desk.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
