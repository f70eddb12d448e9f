using System.Globalization;
using System.Security.Claims;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.Net.Http.Headers;

namespace Feedback.Web.Api;

/// <summary>What both partner APIs do first on every request.</summary>
public static class ApiRequestContext
{
    /// <summary>
    /// The language of error texts and names comes from Accept-Language (zh-CN unless English is preferred):
    /// partner systems send headers, not the site's culture cookie. And no cookie ever counts here: the
    /// caller is anonymous until an API key says otherwise, so a signed-in browser cannot be made to write
    /// through the API (which therefore needs no antiforgery token).
    /// </summary>
    public static void Begin(HttpContext context)
    {
        var culture = new CultureInfo(PreferredCulture(context.Request));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    public static string PreferredCulture(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
            return StringCatalog.DefaultCulture;
        var preferred = languages
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return StringCatalog.NormaliseCulture(preferred);
    }
}

/// <summary>A key used more often than its per-minute budget (RateLimits:apiKey) → 429.</summary>
public sealed class ApiRateLimitedException() : Exception("Api.Key.RateLimited");
