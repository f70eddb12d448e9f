using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Staff;

public enum DeadlineState { None, Green, Amber, Red }

/// <summary>How the staff and dispatcher pages show instants and deadlines.</summary>
public static class StaffDisplay
{
    /// <summary>
    /// Red = overdue; amber = less than a quarter of the allowed time, or less than a day, left; green = more.
    /// Only while the clock runs (see <see cref="CaseList.ClockRunning"/>): a paused or answered case has no colour.
    /// </summary>
    public static DeadlineState StateOf(CaseStatus status, DateTimeOffset start, DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } deadline || !CaseList.ClockRunning.Contains(status))
            return DeadlineState.None;
        var left = deadline - now;
        if (left <= TimeSpan.Zero)
            return DeadlineState.Red;
        var allowed = deadline - start;
        return left < TimeSpan.FromDays(1) || left.Ticks * 4 < allowed.Ticks ? DeadlineState.Amber : DeadlineState.Green;
    }

    public static string CssClass(DeadlineState state) => state switch
    {
        DeadlineState.Green => "deadline-green",
        DeadlineState.Amber => "deadline-amber",
        DeadlineState.Red => "deadline-red",
        _ => "",
    };

    /// <summary>"2 d 3 h left" / "overdue by 5 h 10 min" / "paused" (awaiting information).</summary>
    public static string Remaining(IStringLocalizer localizer, CaseStatus status, DateTimeOffset due, DateTimeOffset now)
    {
        if (status == CaseStatus.AwaitingInfo)
            return localizer["Staff.Time.Paused"];
        if (!CaseList.ClockRunning.Contains(status))
            return "";
        var left = due - now;
        var span = left.Duration();
        string amount = span.TotalDays >= 1 ? localizer["Staff.Time.DaysHours", (int)span.TotalDays, span.Hours]
            : span.TotalHours >= 1 ? localizer["Staff.Time.HoursMinutes", (int)span.TotalHours, span.Minutes]
            : localizer["Staff.Time.Minutes", Math.Max(1, span.Minutes)];
        return left > TimeSpan.Zero ? localizer["Staff.Time.Left", amount] : localizer["Staff.Time.Overdue", amount];
    }

    /// <summary>An instant in the organisation's time zone, or a dash.</summary>
    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm") : "–";
}
