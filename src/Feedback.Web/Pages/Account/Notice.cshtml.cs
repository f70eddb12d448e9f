using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Account;

/// <summary>Where the account forms end: "check your email", "password changed", "account deleted".</summary>
[AllowAnonymous]
public sealed class NoticeModel : PageModel
{
    public const string CheckEmail = "check-email";
    public const string PasswordReset = "password-reset";
    public const string AccountDeleted = "account-deleted";

    private static readonly Dictionary<string, string> Keys = new()
    {
        [CheckEmail] = "CheckEmail",
        [PasswordReset] = "PasswordReset",
        [AccountDeleted] = "AccountDeleted",
    };

    /// <summary>The resource key part (Account.Notice.{Key}.Title / .Text).</summary>
    public string Key { get; private set; } = "";

    public IActionResult OnGet(string kind)
    {
        if (!Keys.TryGetValue(kind, out var key)) return NotFound();
        Key = key;
        return Page();
    }
}
