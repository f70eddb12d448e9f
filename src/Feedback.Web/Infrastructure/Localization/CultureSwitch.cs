using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Localization;

namespace Feedback.Web.Infrastructure.Localization;

/// <summary>POST /culture: the language switch in the header (a form, so it works without JavaScript).</summary>
public static class CultureSwitch
{
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = StringCatalog.NormaliseCulture(culture);
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only local paths: never an open redirect, never a header the server cannot send.
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
}
