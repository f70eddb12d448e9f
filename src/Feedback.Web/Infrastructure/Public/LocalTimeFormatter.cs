using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Public;

/// <summary>
/// Instants are stored in UTC; people read them in the organisation's time zone (Feedback:TimeZone,
/// default Asia/Shanghai), in their own language, with the weekday where a deadline is concerned.
/// </summary>
public sealed class LocalTimeFormatter(IConfiguration configuration, IStringLocalizer localizer)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Feedback:TimeZone"] ?? "Asia/Shanghai");

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>"2026年12月1日 星期二 17:30" / "Tuesday 1 December 2026, 17:30".</summary>
    public string WithWeekday(DateTimeOffset instant) => Format(instant, "Public.Time.WithWeekday");

    /// <summary>"2026-12-01 17:30" / "1 Dec 2026 17:30".</summary>
    public string Short(DateTimeOffset instant) => Format(instant, "Public.Time.Short");

    /// <summary>The value for a &lt;time datetime="…"&gt; attribute.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    private string Format(DateTimeOffset instant, string formatKey) =>
        ToLocal(instant).ToString(localizer[formatKey].Value, CultureInfo.CurrentCulture);
}
