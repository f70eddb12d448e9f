namespace Feedback.Domain.Organisation;

/// <summary>
/// What kind of place a service area is (城区 / 农村 / 特殊边远). State Grid's published commitments
/// (十项承诺) differ by it — crews on site within 45 minutes urban, 90 rural, 120 remote — so SLA policies
/// and outage commitments may depend on it. Stored as text (ADR 0001 convention: enums as strings).
/// </summary>
public enum AreaType
{
    /// <summary>城区: city districts.</summary>
    Urban,
    /// <summary>农村: counties and villages.</summary>
    Rural,
    /// <summary>特殊边远: remote areas (islands, mountains, salt flats).</summary>
    Remote,
}
