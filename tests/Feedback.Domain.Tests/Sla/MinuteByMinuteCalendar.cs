using Feedback.Domain.Sla;

namespace Feedback.Domain.Tests.Sla;

/// <summary>
/// A deliberately naive reference for WorkCalendar: it looks at every minute of Shanghai wall-clock time
/// and asks whether that minute is worked, straight from the calendar files' data. Slow, obviously right,
/// and sharing no code with the real day walk.
/// </summary>
public sealed class MinuteByMinuteCalendar(IReadOnlyList<CalendarFileData> years)
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8); // Asia/Shanghai has no daylight saving today.
    private readonly HashSet<DateOnly> _holidays = [.. years.SelectMany(y => y.HolidayDates.Keys)];
    private readonly HashSet<DateOnly> _adjusted = [.. years.SelectMany(y => y.AdjustedWorkingDays.Keys)];
    private readonly IReadOnlyDictionary<DayOfWeek, WorkingPeriod[]> _weekly = years.MaxBy(y => y.Year)!.WorkingHours;

    /// <summary>Is the minute starting at this local time worked?</summary>
    public bool IsWorkingMinute(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if (_holidays.Contains(date)) return false;
        var day = _adjusted.Contains(date) ? DayOfWeek.Monday : date.DayOfWeek;
        var time = TimeOnly.FromDateTime(local);
        return _weekly.TryGetValue(day, out var periods) && periods.Any(p => p.Start <= time && time < p.End);
    }

    /// <summary>For a start on a whole minute: the end of the <paramref name="minutes"/>-th worked minute (or the next worked minute for 0).</summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, long minutes)
    {
        var local = start.ToOffset(Offset).DateTime;
        if (minutes == 0)
        {
            while (!IsWorkingMinute(local)) local = local.AddMinutes(1);
            return new DateTimeOffset(local, Offset);
        }
        for (var counted = 0L; counted < minutes; local = local.AddMinutes(1))
            if (IsWorkingMinute(local)) counted++;
        return new DateTimeOffset(local, Offset);
    }

    /// <summary>Worked minutes in [from, to), both on whole minutes.</summary>
    public long WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0L;
        for (var local = from.ToOffset(Offset).DateTime; local < to.ToOffset(Offset).DateTime; local = local.AddMinutes(1))
            if (IsWorkingMinute(local)) count++;
        return count;
    }
}
