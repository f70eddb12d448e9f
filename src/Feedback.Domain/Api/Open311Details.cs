using System.Security.Cryptography;

namespace Feedback.Domain.Api;

/// <summary>
/// What an Open311 client sent beyond the case itself: where the problem is and the client's own ids.
/// One row per case filed through Open311 (the case's id is the key). Device and account ids are the
/// client's, kept for support and never published.
/// </summary>
public sealed class Open311Details
{
    public const int AddressMaxLength = 300;
    public const int IdMaxLength = 100;
    public const int MediaUrlMaxLength = 500;

    private Open311Details() { }

    public Open311Details(Guid caseId, double? latitude, double? longitude, string? addressString, string? addressId,
        string? deviceId, string? accountId, string? mediaUrl, Guid? filedByApiKeyId)
    {
        CaseId = caseId;
        FiledByApiKeyId = filedByApiKeyId;
        Latitude = latitude;
        Longitude = longitude;
        AddressString = addressString;
        AddressId = addressId;
        DeviceId = deviceId;
        AccountId = accountId;
        MediaUrl = mediaUrl;
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
    }

    public Guid CaseId { get; private set; }
    /// <summary>
    /// The key of the client that filed the request: only that client may post citizen updates to it
    /// (another client's request id is as unknown to it as a made-up one).
    /// </summary>
    public Guid? FiledByApiKeyId { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? AddressString { get; private set; }
    public string? AddressId { get; private set; }
    public string? DeviceId { get; private set; }
    public string? AccountId { get; private set; }
    public string? MediaUrl { get; private set; }
    /// <summary>The spec's token for <c>GET tokens/{token}</c>: random, so tokens cannot be walked.</summary>
    public string Token { get; private set; } = "";

    /// <summary>Retention (see Case.Anonymise): where the client was and the client's ids for the person go.</summary>
    public void Anonymise()
    {
        Latitude = null;
        Longitude = null;
        AddressString = null;
        AddressId = null;
        DeviceId = null;
        AccountId = null;
    }
}
