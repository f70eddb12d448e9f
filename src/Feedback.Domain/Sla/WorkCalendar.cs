namespace Feedback.Domain.Sla;

/// <summary>A stretch of working time within one day, in organisation-local time (e.g. 08:30–12:00).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    // TimeOnly subtraction wraps around midnight, so a reversed period would look 20 hours long.
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.Zero;

    public int Minutes => (int)Length.TotalMinutes;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>
/// 工作日历: working hours per weekday, public holidays and adjusted working days (调休), in the organisation's
/// time zone. All arithmetic takes and returns instants; it walks the local calendar day by day, in wall-clock
/// time and with tick precision. Adjusted working days (a Saturday that is worked) use the standard day's
/// hours (Monday's, or the first weekday that has any).
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>A run of days this long without working time means the calendar (not the input) is broken.</summary>
    private const int MaxDaysWithoutWork = 366 * 5;

    /// <summary>Deadlines further out than this much working time are refused rather than walked.</summary>
    private const int MaxYearsOfWork = 50;

    private readonly Dictionary<DayOfWeek, WorkingPeriod[]> _weekly;
    private readonly WorkingPeriod[] _standardDay;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _adjustedWorkingDays;
    private readonly long _maxMinutes;

    public WorkCalendar(TimeZoneInfo timeZone, IReadOnlyDictionary<DayOfWeek, WorkingPeriod[]> weeklyHours,
        IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkingDays)
    {
        TimeZone = timeZone;
        _weekly = [];
        foreach (var (day, periods) in weeklyHours)
            _weekly[day] = Checked(day, periods);
        _holidays = [.. holidays];
        _adjustedWorkingDays = [.. adjustedWorkingDays];

        var workingWeekdays = WeekdaysFromMonday.Where(d => PeriodsOnWeekday(d).Length > 0).ToList();
        if (workingWeekdays.Count == 0)
            throw new ArgumentException("A work calendar needs working hours on at least one weekday.", nameof(weeklyHours));
        _standardDay = PeriodsOnWeekday(workingWeekdays[0]);
        StandardDayMinutes = _standardDay.Sum(p => p.Minutes);
        _maxMinutes = Enum.GetValues<DayOfWeek>().Sum(d => PeriodsOnWeekday(d).Sum(p => (long)p.Minutes)) * 52 * MaxYearsOfWork;
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The length of a normal working day; "N working days" means N times this much working time.</summary>
    public long StandardDayMinutes { get; }

    public IReadOnlySet<DateOnly> Holidays => _holidays;
    public IReadOnlySet<DateOnly> AdjustedWorkingDays => _adjustedWorkingDays;

    public IReadOnlyList<WorkingPeriod> WeeklyHours(DayOfWeek day) => PeriodsOnWeekday(day);

    public WorkingPeriod[] PeriodsOn(DateOnly date) =>
        _holidays.Contains(date) ? []
        : _adjustedWorkingDays.Contains(date) ? _standardDay
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
    /// Zero minutes from outside working time (or from the very end of a period) gives the next start of
    /// working time; a positive amount may end exactly at the end of a period.
    /// </summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, _maxMinutes);
        var remaining = TimeSpan.FromMinutes(minutes);
        var cursor = ToLocal(start);
        var daysWithoutWork = 0;
        while (true)
        {
            var date = DateOnly.FromDateTime(cursor);
            var periods = PeriodsOn(date);
            // Holidays are finite, so this only trips on a calendar that is broken in some other way.
            daysWithoutWork = periods.Length == 0 ? daysWithoutWork + 1 : 0;
            if (daysWithoutWork > MaxDaysWithoutWork)
                throw new InvalidOperationException("The work calendar has no working time in the next five years.");
            foreach (var period in periods)
            {
                var periodStart = date.ToDateTime(period.Start);
                var periodEnd = date.ToDateTime(period.End);
                if (cursor >= periodEnd) continue;
                var from = cursor > periodStart ? cursor : periodStart;
                var available = periodEnd - from;
                if (remaining <= available)
                    return ToUtc(from + remaining);
                remaining -= available;
                cursor = periodEnd;
            }
            cursor = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        }
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingMinutes(start, days * StandardDayMinutes);
    }

    /// <summary>
    /// Whole working minutes between two instants (0 when <paramref name="to"/> is not after
    /// <paramref name="from"/>); the exact inverse of <see cref="AddWorkingMinutes"/>.
    /// </summary>
    public long WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var start = ToLocal(from);
        var end = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            foreach (var period in PeriodsOn(date))
            {
                var s = date.ToDateTime(period.Start);
                var e = date.ToDateTime(period.End);
                var overlapStart = s > start ? s : start;
                var overlapEnd = e < end ? e : end;
                if (overlapEnd > overlapStart) total += overlapEnd - overlapStart;
            }
        }
        return total.Ticks / TimeSpan.TicksPerMinute;
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving change does not exist; the next one that does is meant.
        while (TimeZone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, TimeZone), TimeSpan.Zero);
    }

    private static readonly DayOfWeek[] WeekdaysFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private WorkingPeriod[] PeriodsOnWeekday(DayOfWeek day) => _weekly.TryGetValue(day, out var periods) ? periods : [];

    /// <summary>The day walk relies on periods being in order and disjoint; refuse anything else.</summary>
    private static WorkingPeriod[] Checked(DayOfWeek day, IEnumerable<WorkingPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.Start).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].End <= sorted[i].Start)
                throw new ArgumentException($"{day}: working period {sorted[i]} does not end after it starts.", nameof(periods));
            if (i > 0 && sorted[i].Start < sorted[i - 1].End)
                throw new ArgumentException($"{day}: working periods {sorted[i - 1]} and {sorted[i]} overlap.", nameof(periods));
        }
        return sorted;
    }
}
