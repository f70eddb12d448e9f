using Feedback.Domain.Sla;
using static Feedback.Domain.Tests.Support.ShippedSetup;

namespace Feedback.Domain.Tests.Sla;

/// <summary>Deadlines around the 2026 schedule (DESIGN §4), worked out by hand. One working day = 7.5 h.</summary>
public class WorkCalendarExampleTests
{
    private static readonly WorkCalendar Calendar = Support.ShippedSetup.WorkCalendar;

    [Fact]
    public void OneWorkingDay_FromTheEveOfNationalDay_LandsAfterTheHoliday()
    {
        // 1.5 h left on Sep 30; Oct 1–7 off; Thursday Oct 8: 08:30–12:00 and 13:30–16:00.
        Assert.Equal(ShanghaiTime(2026, 10, 8, 16, 0), Calendar.AddWorkingDays(ShanghaiTime(2026, 9, 30, 16, 0), 1));
        Assert.Equal(450, Calendar.WorkingMinutesBetween(ShanghaiTime(2026, 9, 30, 16, 0), ShanghaiTime(2026, 10, 8, 16, 0)));
    }

    [Fact]
    public void AUserInBerlin_GetsTheSameDeadline()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var filedInBerlin = TimeZoneInfo.ConvertTime(ShanghaiTime(2026, 9, 30, 16, 0), berlin);
        Assert.Equal(TimeSpan.FromHours(2), filedInBerlin.Offset); // 10:00 CEST
        Assert.Equal(ShanghaiTime(2026, 10, 8, 16, 0), Calendar.AddWorkingDays(filedInBerlin, 1));
    }

    [Fact]
    public void AdjustedWorkingDays_AroundNationalDay_AreWorked()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));  // Sunday, 调休
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10))); // Saturday, 调休
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 11))); // an ordinary Sunday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 8).AddDays(-1))); // Oct 7, last day off
        Assert.True(Calendar.IsWorkingTime(ShanghaiTime(2026, 9, 20, 9, 0)));
        Assert.False(Calendar.IsWorkingTime(ShanghaiTime(2026, 9, 20, 12, 30))); // lunch, as on a Monday
    }

    [Fact]
    public void ACaseFiledOnAnAdjustedWorkingSaturday_StartsTheClockAtOnce()
    {
        // Sat Oct 10 10:00: 6 h left that day; Sunday off; Monday Oct 12 08:30 + 1.5 h.
        Assert.Equal(ShanghaiTime(2026, 10, 12, 10, 0), Calendar.AddWorkingDays(ShanghaiTime(2026, 10, 10, 10, 0), 1));
        Assert.Equal(ShanghaiTime(2026, 10, 10, 15, 30), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 10, 10, 10, 0), 240));
    }

    [Fact]
    public void TwoWorkingHours_OnAnAdjustedSunday_EndTheSameMorning() =>
        Assert.Equal(ShanghaiTime(2026, 9, 20, 11, 0), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 9, 20, 9, 0), 120));

    [Fact]
    public void SpringFestival_FromTheFridayBefore_RunsIntoTheAdjustedSaturday() =>
        // Fri Feb 13 17:00: 0.5 h; Sat Feb 14 is worked: 3.5 h + 3.5 h → 17:00.
        Assert.Equal(ShanghaiTime(2026, 2, 14, 17, 0), Calendar.AddWorkingDays(ShanghaiTime(2026, 2, 13, 17, 0), 1));

    [Fact]
    public void SpringFestival_FromTheAdjustedSaturday_JumpsTheWholeHoliday() =>
        // Sat Feb 14 16:00: 1.5 h; Feb 15–23 off; Tue Feb 24: 3.5 h + 2.5 h → 16:00.
        Assert.Equal(ShanghaiTime(2026, 2, 24, 16, 0), Calendar.AddWorkingDays(ShanghaiTime(2026, 2, 14, 16, 0), 1));

    [Fact]
    public void NewYear_2026_EndsOnTheAdjustedSunday() =>
        // Wed Dec 31 2025 17:00 (no 2025 file: an ordinary Wednesday): 0.5 h; Jan 1–3 off; Sunday Jan 4 worked.
        Assert.Equal(ShanghaiTime(2026, 1, 4, 17, 0), Calendar.AddWorkingDays(ShanghaiTime(2025, 12, 31, 17, 0), 1));

    [Fact]
    public void ProvisionalSpringFestival_2027_IsHonoured() =>
        // Thu Feb 4 2027 17:00: 0.5 h; Feb 5–8 off (eve to 3rd day), Feb 6–7 weekend; Tue Feb 9 → 17:00.
        Assert.Equal(ShanghaiTime(2027, 2, 9, 17, 0), Calendar.AddWorkingDays(ShanghaiTime(2027, 2, 4, 17, 0), 1));

    [Fact]
    public void ZeroMinutes_OutsideWorkingTime_GivesTheNextOpening()
    {
        Assert.Equal(ShanghaiTime(2026, 3, 9, 8, 30), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 3, 7, 11, 0), 0)); // Saturday
        Assert.Equal(ShanghaiTime(2026, 3, 9, 13, 30), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 3, 9, 12, 0), 0)); // lunch
        Assert.Equal(ShanghaiTime(2026, 3, 9, 9, 0), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 3, 9, 9, 0), 0));   // inside
    }

    [Fact]
    public void ADeadline_MayEndExactlyAtClosingTime() =>
        Assert.Equal(ShanghaiTime(2026, 3, 9, 17, 30), Calendar.AddWorkingMinutes(ShanghaiTime(2026, 3, 9, 13, 30), 240));

    [Fact]
    public void SecondsAndTicks_AreKeptExactly()
    {
        var start = ShanghaiTime(2026, 3, 9, 9, 0).AddSeconds(17.5).AddTicks(3);
        var deadline = Calendar.AddWorkingMinutes(start, 1000);
        Assert.Equal(start.Ticks % TimeSpan.TicksPerMinute, deadline.ToOffset(TimeSpan.FromHours(8)).Ticks % TimeSpan.TicksPerMinute);
        Assert.Equal(1000, Calendar.WorkingMinutesBetween(start, deadline));
    }

    [Fact]
    public void WorkingMinutesBetween_BackwardsOrEqual_IsZero()
    {
        Assert.Equal(0, Calendar.WorkingMinutesBetween(ShanghaiTime(2026, 3, 9, 10, 0), ShanghaiTime(2026, 3, 9, 9, 0)));
        Assert.Equal(0, Calendar.WorkingMinutesBetween(ShanghaiTime(2026, 3, 9, 10, 0), ShanghaiTime(2026, 3, 9, 10, 0)));
    }
}
