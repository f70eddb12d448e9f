namespace Feedback.Domain.Sla;

/// <summary>A stretch of working time within one day, in organisation-local time (e.g. 08:30–12:00).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public int Minutes => (int)(End - Start).TotalMinutes;
}

/// <summary>
/// 工作日历: working hours per weekday, public holidays and adjusted working days (调休), in the organisation's
/// time zone. All arithmetic takes and returns UTC instants; it walks the local calendar day by day.
/// Adjusted working days (a Saturday that is worked) use Monday's hours.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>No deadline lies further than this; a calendar with no working time at all is refused.</summary>
    private const int MaxDaysToSearch = 366 * 5;

    private readonly IReadOnlyDictionary<DayOfWeek, WorkingPeriod[]> _weekly;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _adjustedWorkingDays;

    public WorkCalendar(TimeZoneInfo timeZone, IReadOnlyDictionary<DayOfWeek, WorkingPeriod[]> weeklyHours,
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkingDays)
    {
        TimeZone = timeZone;
        _weekly = weeklyHours;
        _holidays = [.. holidays];
        _adjustedWorkingDays = [.. adjustedWorkingDays];
        StandardDayMinutes = PeriodsOnWeekday(DayOfWeek.Monday).Sum(p => p.Minutes);
        if (!Enum.GetValues<DayOfWeek>().Any(d => PeriodsOnWeekday(d).Length > 0))
            throw new ArgumentException("A work calendar needs working hours on at least one weekday.", nameof(weeklyHours));
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The length of a normal working day; "N working days" means N times this much working time.</summary>
    public long StandardDayMinutes { get; }

    public IReadOnlySet<DateOnly> Holidays => _holidays;
    public IReadOnlySet<DateOnly> AdjustedWorkingDays => _adjustedWorkingDays;

    public WorkingPeriod[] PeriodsOn(DateOnly date) =>
        _holidays.Contains(date) ? []
        : _adjustedWorkingDays.Contains(date) ? PeriodsOnWeekday(DayOfWeek.Monday)
        : PeriodsOnWeekday(date.DayOfWeek);

    public bool IsWorkingDay(DateOnly date) => PeriodsOn(date).Length > 0;

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local);
        return PeriodsOn(DateOnly.FromDateTime(local)).Any(p => time >= p.Start && time < p.End);
    }

    /// <summary>
    /// The instant when <paramref name="minutes"/> of working time have passed after <paramref name="start"/>.
    /// Zero minutes from outside working time gives the next start of working time.
    /// </summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var cursor = ToLocal(start);
        var remaining = (double)minutes;
        for (var day = 0; day < MaxDaysToSearch; day++)
        {
            var date = DateOnly.FromDateTime(cursor);
            foreach (var period in PeriodsOn(date))
            {
                var periodStart = date.ToDateTime(period.Start);
                var periodEnd = date.ToDateTime(period.End);
                if (cursor >= periodEnd) continue;
                var from = cursor > periodStart ? cursor : periodStart;
                var available = (periodEnd - from).TotalMinutes;
                if (remaining <= available)
                    return ToUtc(from.AddMinutes(remaining));
                remaining -= available;
                cursor = periodEnd;
            }
            cursor = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        }
        throw new InvalidOperationException("The work calendar has no working time in the next five years.");
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days) => AddWorkingMinutes(start, days * StandardDayMinutes);

    /// <summary>Working minutes between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public long WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var start = ToLocal(from);
        var end = ToLocal(to);
        double total = 0;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            foreach (var period in PeriodsOn(date))
            {
                var s = date.ToDateTime(period.Start);
                var e = date.ToDateTime(period.End);
                var overlapStart = s > start ? s : start;
                var overlapEnd = e < end ? e : end;
                if (overlapEnd > overlapStart) total += (overlapEnd - overlapStart).TotalMinutes;
            }
        }
        return (long)Math.Floor(total);
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone), TimeSpan.Zero);

    private WorkingPeriod[] PeriodsOnWeekday(DayOfWeek day) => _weekly.TryGetValue(day, out var periods) ? periods : [];
}
