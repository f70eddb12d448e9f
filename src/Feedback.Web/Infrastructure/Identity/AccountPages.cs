using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>What the account pages share: where to go after signing in, the language cookie, refusing a form.</summary>
public static class AccountPages
{
    /// <summary>Only a path on this site: a return URL from a link must never send someone elsewhere (<see cref="LocalUrl"/>).</summary>
    public static string LocalOrHome(this PageModel page, string? returnUrl) =>
        page.Url.IsLocalUrl(returnUrl) ? LocalUrl.OrHome(returnUrl) : "/";

    /// <summary>After signing in or changing their language, pages appear in the language the person chose.</summary>
    public static void RememberCulture(this HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>
    /// Refuses the form when the input breaks its rules or did not bind: the page filter shows it again with
    /// each message by its field and status 400.
    /// </summary>
    public static void EnsureValid(this PageModel page, IEnumerable<ValidationError> errors)
    {
        var found = errors.ToList();
        if (found.Count > 0 || !page.ModelState.IsValid)
            throw new ValidationException(found);
    }

    public static IEnumerable<ValidationError> Email(string? value, string field = "Email")
    {
        foreach (var e in Check.Required(value, field, ContactRules.EmailMaxLength)) yield return e;
        if (!string.IsNullOrWhiteSpace(value) && !ContactRules.IsEmail(value.Trim())) yield return new(field, "Validation.Email");
    }

    public static IEnumerable<ValidationError> NewPassword(string? password, string? confirmation, string field = "Password", string confirmField = "ConfirmPassword")
    {
        foreach (var e in Check.Required(password, field, Domain.Identity.AccountRules.PasswordMaxLength)) yield return e;
        if (!string.IsNullOrEmpty(password) && password != confirmation) yield return new(confirmField, "Account.Field.PasswordsDiffer");
    }

    /// <summary>A code from an authenticator app, typed with or without spaces and dashes.</summary>
    public static string CleanCode(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    /// <summary>A recovery code: its dash is part of it (xxxxx-xxxxx), spaces are not.</summary>
    public static string CleanRecoveryCode(string? code) => (code ?? "").Replace(" ", "").Trim();
}
