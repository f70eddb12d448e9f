using System.Globalization;

namespace Feedback.Domain.Reporting;

/// <summary>
/// A calendar month in the organisation's time zone (DESIGN §5). Its bounds are the UTC instants of local
/// midnight on the 1st of this month and of the next: in Asia/Shanghai, March 2026 is
/// [2026-02-28T16:00Z, 2026-03-31T16:00Z).
/// </summary>
public readonly record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    public static ReportMonth Of(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return new ReportMonth(local.Year, local.Month);
    }

    /// <summary>Parses "yyyy-MM" (years 2000–2100); anything else is null.</summary>
    public static ReportMonth? Parse(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? new ReportMonth(date.Year, date.Month)
            : null;

    public DateTimeOffset Start(TimeZoneInfo timeZone) => LocalMidnightUtc(new DateTime(Year, Month, 1), timeZone);

    public DateTimeOffset End(TimeZoneInfo timeZone) => Next.Start(timeZone);

    public ReportMonth Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public ReportMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);
    public ReportMonth SameMonthLastYear => new(Year - 1, Month);

    /// <summary>This month and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<ReportMonth> Trailing(int count)
    {
        var months = new List<ReportMonth>();
        var month = this;
        for (var i = 0; i < count; i++, month = month.Previous)
            months.Insert(0, month);
        return months;
    }

    public int CompareTo(ReportMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(ReportMonth a, ReportMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportMonth a, ReportMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportMonth a, ReportMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportMonth a, ReportMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    private static DateTimeOffset LocalMidnightUtc(DateTime local, TimeZoneInfo timeZone)
    {
        // A zone that skips midnight for daylight saving starts the day at the first instant that exists.
        while (timeZone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone), TimeSpan.Zero);
    }
}
