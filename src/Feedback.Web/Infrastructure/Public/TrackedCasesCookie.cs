using System.Security.Cryptography;
using System.Text.Json;
using Feedback.Domain.Cases;
using Microsoft.AspNetCore.DataProtection;

namespace Feedback.Web.Infrastructure.Public;

/// <summary>
/// Remembers, for 30 minutes after a successful check on the tracking page, the tracking numbers and PINs a
/// visitor typed, so that replying, confirming and downloading attachments work without typing the PIN
/// again. The cookie is encrypted and signed with ASP.NET Data Protection (nobody can read or forge it),
/// HttpOnly and SameSite=Strict; the PIN never appears in a URL. Every request turns it into a
/// <see cref="SubmitterProof"/> that the domain checks against the case again.
/// </summary>
public sealed class TrackedCasesCookie(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "feedback.track";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    /// <summary>Enough for a family's cases; keeps the cookie small.</summary>
    private const int MaxCases = 10;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Feedback.Public.TrackedCases.v1");

    public SubmitterProof Read(HttpContext context)
    {
        var live = ReadEntries(context);
        return live.Count == 0 ? SubmitterProof.None : new SubmitterProof(live.ToDictionary(e => e.Number, e => e.Pin));
    }

    public void Remember(HttpContext context, string trackingNumber, string pin)
    {
        var number = TrackingNumber.Normalise(trackingNumber);
        var expires = clock.GetUtcNow() + Lifetime;
        var entries = ReadEntries(context).Where(e => e.Number != number)
            .Append(new Entry(number, pin.Trim(), expires.ToUnixTimeSeconds()))
            .OrderByDescending(e => e.Expires).Take(MaxCases).ToList();
        var value = _protector.Protect(JsonSerializer.Serialize(entries));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            Path = "/",
            Expires = expires,
        });
    }

    private List<Entry> ReadEntries(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
            return [];
        try
        {
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var entries = JsonSerializer.Deserialize<List<Entry>>(_protector.Unprotect(value)) ?? [];
            return entries.Where(e => e.Expires > now && e.Number is not null && e.Pin is not null).ToList();
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Tampered, from an old key ring or from another version: as if there were none.
            return [];
        }
    }

    private sealed record Entry(string Number, string Pin, long Expires);
}
