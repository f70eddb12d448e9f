using CsCheck;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Sla;

/// <summary>Properties of deadline arithmetic on the shipped 2026–2027 calendar, checked on random instants.</summary>
public class WorkCalendarPropertyTests
{
    private static readonly WorkCalendar Calendar = ShippedSetup.WorkCalendar;
    private static readonly MinuteByMinuteCalendar Reference = new([ShippedSetup.Calendar(2026), ShippedSetup.Calendar(2027)]);
    private static readonly DateTimeOffset First = ShippedSetup.ShanghaiTime(2025, 12, 25, 0);
    private const int Span = 740 * 24 * 60; // minutes: to mid-January 2028, past both files

    /// <summary>Any instant in the range, to the second (and sometimes to the tick).</summary>
    private static readonly Gen<DateTimeOffset> AnyInstant =
        Gen.Select(Gen.Int[0, Span], Gen.Int[0, 59], Gen.Int[0, 9_999_999], Gen.Bool,
            (minute, second, ticks, exact) => First.AddMinutes(minute).AddSeconds(second).AddTicks(exact ? 0 : ticks));

    private static readonly Gen<DateTimeOffset> WholeMinute = Gen.Int[0, Span].Select(m => First.AddMinutes(m));

    /// <summary>Up to about 8 working days.</summary>
    private static readonly Gen<long> Minutes = Gen.Long[0, 3600];

    [Fact]
    public void Deadline_FallsInWorkingTime_OrExactlyAtTheEndOfAPeriod() =>
        Gen.Select(AnyInstant, Minutes).Sample((start, minutes) =>
        {
            var deadline = Calendar.AddWorkingMinutes(start, minutes);
            Assert.True(deadline >= start);
            Assert.True(Calendar.IsWorkingTime(deadline) || (minutes > 0 && IsPeriodEnd(deadline)),
                $"{start:O} + {minutes} min = {Calendar.ToLocal(deadline):yyyy-MM-dd HH:mm:ss.fffffff} (local)");
        }, iter: 2000);

    [Fact]
    public void AddingAThenB_EqualsAddingAPlusB() =>
        Gen.Select(AnyInstant, Minutes, Gen.Long[1, 3600]).Sample((start, a, b) =>
            Assert.Equal(Calendar.AddWorkingMinutes(start, a + b), Calendar.AddWorkingMinutes(Calendar.AddWorkingMinutes(start, a), b)),
            iter: 2000);

    [Fact]
    public void WorkingMinutesBetween_UndoesAddWorkingMinutes_FromInsideWorkingTime() =>
        Gen.Select(AnyInstant.Where(Calendar.IsWorkingTime), Minutes).Sample((start, minutes) =>
            Assert.Equal(minutes, Calendar.WorkingMinutesBetween(start, Calendar.AddWorkingMinutes(start, minutes))),
            iter: 2000);

    [Fact]
    public void AddWorkingMinutes_IsStrictlyIncreasingInTheAmount() =>
        Gen.Select(AnyInstant, Minutes).Sample((start, minutes) =>
            Assert.True(Calendar.AddWorkingMinutes(start, minutes + 1) > Calendar.AddWorkingMinutes(start, minutes)),
            iter: 1000);

    [Fact]
    public void AddWorkingMinutes_AgreesWithTheMinuteByMinuteReference() =>
        Gen.Select(WholeMinute, Minutes).Sample((start, minutes) =>
            Assert.Equal(Reference.AddWorkingMinutes(start, minutes), Calendar.AddWorkingMinutes(start, minutes)),
            iter: 300);

    [Fact]
    public void WorkingMinutesBetween_AgreesWithTheMinuteByMinuteReference() =>
        Gen.Select(WholeMinute, Gen.Int[-60, 12 * 24 * 60]).Sample((from, length) =>
        {
            var to = from.AddMinutes(length);
            Assert.Equal(Reference.WorkingMinutesBetween(from, to), Calendar.WorkingMinutesBetween(from, to));
        }, iter: 200);

    [Fact]
    public void IsWorkingTime_AgreesWithTheMinuteByMinuteReference() =>
        WholeMinute.Sample(instant =>
            Assert.Equal(Reference.IsWorkingMinute(instant.ToOffset(TimeSpan.FromHours(8)).DateTime), Calendar.IsWorkingTime(instant)),
            iter: 5000);

    [Fact]
    public void TheOffsetAnInstantIsWrittenIn_DoesNotMatter()
    {
        var zones = new[] { "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata" }.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        Gen.Select(AnyInstant, Minutes, Gen.Int[0, zones.Length - 1]).Sample((start, minutes, zone) =>
        {
            var elsewhere = TimeZoneInfo.ConvertTime(start, zones[zone]);
            var deadline = Calendar.AddWorkingMinutes(elsewhere, minutes);
            Assert.Equal(Calendar.AddWorkingMinutes(start, minutes), deadline);
            Assert.Equal(TimeSpan.Zero, deadline.Offset);
        }, iter: 500);
    }

    private static bool IsPeriodEnd(DateTimeOffset instant)
    {
        var local = Calendar.ToLocal(instant);
        return Calendar.PeriodsOn(DateOnly.FromDateTime(local)).Any(p => p.End.ToTimeSpan() == local.TimeOfDay);
    }
}
