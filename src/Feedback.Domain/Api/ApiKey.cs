using System.Security.Cryptography;
using System.Text;
using Feedback.Domain.Common;

namespace Feedback.Domain.Api;

/// <summary>Which API a key may call.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    /// <summary>POST requests on the Open311 GeoReport v2 endpoint (reading it needs no key).</summary>
    Open311 = 1,
    /// <summary>The /api/v1 JSON API for the hotline system.</summary>
    Hotline = 2,
}

/// <summary>
/// A partner system's key. The secret is shown to the admin once and only its SHA-256 is stored: the secret
/// is 256 random bits, so a fast unsalted hash cannot be brute-forced (unlike a password, there is nothing
/// to guess), and a fast hash lets every request look its key up by an index in one query.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 60;
    public const string SecretPrefix = "fbk_";

    private ApiKey() { }

    public string Name { get; private set; } = "";
    /// <summary>The first characters of the secret, so an admin can tell keys apart without the secret.</summary>
    public string Prefix { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public ApiScopes Scopes { get; private set; }
    /// <summary>
    /// For the hotline API: the staff account (usually a service-centre dispatcher) whose roles and department
    /// the key acts with, so that it may do exactly what that person may, and the timeline names them.
    /// </summary>
    public Guid? ActingUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Makes a key and its secret (the only time the secret exists in plain text).</summary>
    public static (ApiKey Key, string Secret) Create(string name, ApiScopes scopes, Guid? actingUserId, Guid? createdBy, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            SecretHash = Hash(secret),
            Scopes = scopes,
            ActingUserId = actingUserId,
            CreatedAt = now,
            CreatedByUserId = createdBy,
        };
        return (key, secret);
    }

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is null)
            RevokedAt = now;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One request made with a key: appended in batches, read by the admin page (newest first per key).</summary>
public sealed class ApiRequestLogEntry
{
    private ApiRequestLogEntry() { }

    public ApiRequestLogEntry(Guid apiKeyId, DateTimeOffset at, string method, string path, int status)
    {
        ApiKeyId = apiKeyId;
        At = at;
        Method = method.Length > 10 ? method[..10] : method;
        Path = path.Length > PathMaxLength ? path[..PathMaxLength] : path;
        Status = status;
    }

    public const int PathMaxLength = 200;

    public long Id { get; private set; }
    public Guid ApiKeyId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public int Status { get; private set; }
}
