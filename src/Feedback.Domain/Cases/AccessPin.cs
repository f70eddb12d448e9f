using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Feedback.Domain.Cases;

/// <summary>
/// The 6-digit PIN that, with the tracking number, lets someone without an account follow a case.
/// Stored as a SHA-256 of case id + PIN: a slow hash would cap filings per second, and six digits cannot
/// resist an offline search anyway; the real defence is the rate limit on tracking.
/// </summary>
public static class AccessPin
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    public static string Hash(Guid caseId, string pin) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId:N}:{pin.Trim()}")));

    public static bool Verify(Guid caseId, string pin, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(caseId, pin)), Encoding.ASCII.GetBytes(hash));
}

/// <summary>
/// Tracking numbers look like <c>261127-K7M3QX</c>: the filing date (organisation time) and six characters
/// from an alphabet without look-alikes (no 0/O, 1/I/L), easy to read out over the phone. 31⁶ per day makes
/// a clash rare; the unique index catches the rest.
/// </summary>
public static class TrackingNumber
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(DateTimeOffset localNow)
    {
        Span<char> suffix = stackalloc char[6];
        for (var i = 0; i < suffix.Length; i++)
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        // Invariant: a culture with another calendar (th-TH counts Buddhist-era years) would change the date part.
        return $"{localNow.ToString("yyMMdd", CultureInfo.InvariantCulture)}-{suffix}";
    }

    /// <summary>Normalises what a person typed (spaces, lower case) so that it can be looked up.</summary>
    public static string Normalise(string? typed) =>
        (typed ?? "").Trim().ToUpperInvariant().Replace(" ", "");

    public static bool LooksValid(string normalised) =>
        normalised.Length == 13 && normalised[6] == '-' && normalised[..6].All(char.IsAsciiDigit)
        && normalised[7..].All(c => Alphabet.Contains(c));
}
