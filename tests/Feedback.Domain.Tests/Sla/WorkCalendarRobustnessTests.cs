using Feedback.Domain.Sla;

namespace Feedback.Domain.Tests.Sla;

/// <summary>Calendars and inputs the shipped files never produce, which the arithmetic must still survive.</summary>
public class WorkCalendarRobustnessTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly WorkingPeriod Morning = new(new TimeOnly(8, 30), new TimeOnly(12, 0));
    private static readonly WorkingPeriod Afternoon = new(new TimeOnly(13, 30), new TimeOnly(17, 30));

    private static WorkCalendar Calendar(Dictionary<DayOfWeek, WorkingPeriod[]> weekly, IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? adjusted = null, TimeZoneInfo? zone = null) =>
        new(zone ?? Shanghai, weekly, holidays ?? [], adjusted ?? []);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void NegativeAmounts_AreRefused()
    {
        var calendar = Calendar(new() { [DayOfWeek.Monday] = [Morning] });
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingMinutes(At(2026, 3, 9, 9), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(At(2026, 3, 9, 9), -1));
    }

    [Fact]
    public void AbsurdlyLargeAmounts_AreRefusedAtOnce_NotWalked()
    {
        var calendar = Calendar(new() { [DayOfWeek.Monday] = [Morning] });
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingMinutes(At(2026, 3, 9, 9), long.MaxValue / 2));
        Assert.True(started.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public void LargeButSaneAmounts_WorkBeyondFiveYears()
    {
        // 300 working days a year for 6 years: the old five-year day limit refused this.
        var calendar = Calendar(new() { [DayOfWeek.Monday] = [Morning, Afternoon] });
        var deadline = calendar.AddWorkingDays(At(2026, 3, 9, 8, 30), 52 * 6);
        Assert.True(deadline > At(2032, 1, 1, 0));
    }

    [Fact]
    public void ACalendarWithNoWorkingTimeForYears_FailsClearly()
    {
        var everyDay = Enumerable.Range(0, 366 * 6).Select(i => new DateOnly(2026, 1, 1).AddDays(i));
        var calendar = Calendar(new() { [DayOfWeek.Monday] = [Morning] }, holidays: everyDay);
        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingMinutes(At(2026, 1, 1, 9), 1));
    }

    [Fact]
    public void ACalendarWithoutAnyWorkingHours_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Calendar(new() { [DayOfWeek.Monday] = [] }));

    [Fact]
    public void OverlappingOrReversedPeriods_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => Calendar(new() { [DayOfWeek.Monday] = [Morning, new(new TimeOnly(11, 0), new TimeOnly(14, 0))] }));
        Assert.Throws<ArgumentException>(() => Calendar(new() { [DayOfWeek.Monday] = [new(new TimeOnly(17, 0), new TimeOnly(9, 0))] }));
    }

    [Fact]
    public void PeriodsGivenOutOfOrder_AreSorted()
    {
        var calendar = Calendar(new() { [DayOfWeek.Monday] = [Afternoon, Morning] });
        Assert.Equal([Morning, Afternoon], calendar.PeriodsOn(new DateOnly(2026, 3, 9)));
        Assert.Equal(At(2026, 3, 9, 14, 0), calendar.AddWorkingMinutes(At(2026, 3, 9, 8, 30), 240));
    }

    [Fact]
    public void WithoutMondayHours_ADayIsTheFirstWorkingWeekday_AndAdjustedDaysUseIt()
    {
        // Only Saturdays are worked: a "working day" is a Saturday's hours, not zero.
        var calendar = Calendar(new() { [DayOfWeek.Saturday] = [Morning] }, adjusted: [new DateOnly(2026, 3, 11)]);
        Assert.Equal(210, calendar.StandardDayMinutes);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 11)));
        Assert.Equal(At(2026, 3, 11, 12, 0), calendar.AddWorkingDays(At(2026, 3, 9, 9), 1));
    }

    [Fact]
    public void AWallClockTimeSkippedByDaylightSaving_DoesNotThrow()
    {
        // Berlin skips 02:00–03:00 on 2026-03-29; a period starting at 02:00 begins, in effect, at 03:00.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var calendar = Calendar(new() { [DayOfWeek.Sunday] = [new(new TimeOnly(2, 0), new TimeOnly(5, 0))] }, zone: berlin);
        var start = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), calendar.AddWorkingMinutes(start, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), calendar.AddWorkingMinutes(start, 90));
    }
}
