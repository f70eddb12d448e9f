namespace Feedback.Web.Api.Open311;

/// <summary>
/// Section <c>Open311</c>: <c>JurisdictionId</c> (optional; when set, a request naming another one is refused with 404, when unset the parameter is ignored),
/// <c>Contact</c> and <c>KeyService</c> (shown by discovery). Times are written in <c>Feedback:TimeZone</c>.
/// </summary>
public sealed class Open311Settings
{
    /// <summary>When this API's shape last changed (discovery's changeset).</summary>
    public const string Changeset = "2026-11-27T00:00:00+08:00";

    public string? JurisdictionId { get; init; }
    public string Contact { get; init; } = "";
    public string KeyService { get; init; } = "";
    public required TimeZoneInfo TimeZone { get; init; }

    public static Open311Settings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Open311");
        return new Open311Settings
        {
            JurisdictionId = section["JurisdictionId"] is { Length: > 0 } id ? id : null,
            Contact = section["Contact"] ?? "95598",
            KeyService = section["KeyService"] ?? "",
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Feedback:TimeZone"] ?? "Asia/Shanghai"),
        };
    }

    /// <summary>
    /// The spec's optional jurisdiction_id: absent, or ours. With none configured this endpoint serves one
    /// jurisdiction and ignores the parameter (clients such as FixMyStreet always send one).
    /// </summary>
    public bool Serves(string? jurisdictionId) =>
        JurisdictionId is null || string.IsNullOrWhiteSpace(jurisdictionId)
        || string.Equals(jurisdictionId.Trim(), JurisdictionId, StringComparison.OrdinalIgnoreCase);
}
