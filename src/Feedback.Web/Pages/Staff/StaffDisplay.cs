using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Staff;

public enum DeadlineState { None, Green, Amber, Red }

/// <summary>How the staff and dispatcher pages show instants and deadlines.</summary>
public static class StaffDisplay
{
    /// <summary>
    /// Red = past the deadline; amber = three quarters of the allowed working time are used (the escalation
    /// ladder's warning point), or the ladder has already warned; green = more left. Counted in working time
    /// on the organisation's calendar, and only while the clock runs (see <see cref="CaseList.ClockRunning"/>):
    /// a paused or answered case has no colour.
    /// </summary>
    public static DeadlineState StateOf(WorkCalendar calendar, CaseStatus status, DateTimeOffset start, DateTimeOffset? due, DateTimeOffset now,
        EscalationLevel escalation = EscalationLevel.None)
    {
        if (due is not { } deadline || !CaseList.ClockRunning.Contains(status))
            return DeadlineState.None;
        if (deadline <= now)
            return DeadlineState.Red;
        if (escalation >= EscalationLevel.Warned)
            return DeadlineState.Amber;
        var left = calendar.WorkingMinutesBetween(now, deadline);
        var allowed = calendar.WorkingMinutesBetween(start, deadline);
        return left * 4 <= allowed ? DeadlineState.Amber : DeadlineState.Green;
    }

    public static string CssClass(DeadlineState state) => state switch
    {
        DeadlineState.Green => "deadline-green",
        DeadlineState.Amber => "deadline-amber",
        DeadlineState.Red => "deadline-red",
        _ => "",
    };

    /// <summary>
    /// Working time left or overdue: "2 working days 3 h left" / "overdue by 5 h 10 min" (a working day is
    /// the calendar's standard day), or "paused" while awaiting information.
    /// </summary>
    public static string Remaining(IStringLocalizer localizer, WorkCalendar calendar, CaseStatus status, DateTimeOffset due, DateTimeOffset now)
    {
        if (status == CaseStatus.AwaitingInfo)
            return localizer["Staff.Time.Paused"];
        if (!CaseList.ClockRunning.Contains(status))
            return "";
        var overdue = due <= now;
        var minutes = overdue ? calendar.WorkingMinutesBetween(due, now) : calendar.WorkingMinutesBetween(now, due);
        var (days, rest) = Math.DivRem(minutes, calendar.StandardDayMinutes);
        string amount = days >= 1 ? localizer["Staff.Time.DaysHours", days, rest / 60]
            : minutes >= 60 ? localizer["Staff.Time.HoursMinutes", minutes / 60, minutes % 60]
            : localizer["Staff.Time.Minutes", Math.Max(1, minutes)];
        return overdue ? localizer["Staff.Time.Overdue", amount] : localizer["Staff.Time.Left", amount];
    }

    /// <summary>An instant in the organisation's time zone, or a dash.</summary>
    /// <summary>
    /// Who acted, as a timeline line names them: a person by name (or "anonymous") and capacity; the system,
    /// which has no name of its own, by its capacity alone (in the reader's language).
    /// </summary>
    public static string Actor(IStringLocalizer localizer, StaffCaseEvent entry) =>
        entry.ActorCapacity == Feedback.Domain.Cases.Actor.System
            ? localizer.Enum(entry.ActorCapacity)
            : $"{(entry.ActorName is { Length: > 0 } name ? name : localizer["Staff.Event.Unnamed"])} ({localizer.Enum(entry.ActorCapacity)})";

    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm") : "–";
}
