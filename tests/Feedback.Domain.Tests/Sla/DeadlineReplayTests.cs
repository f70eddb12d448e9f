using CsCheck;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Sla;

/// <summary>The SLA clock with pauses (DeadlineClock / DeadlineReplay) on the shipped 2026 calendar.</summary>
public class DeadlineReplayTests
{
    private static readonly WorkCalendar Calendar = ShippedSetup.WorkCalendar;
    private static readonly MinuteByMinuteCalendar Reference = new([ShippedSetup.Calendar(2026), ShippedSetup.Calendar(2027)]);
    private static readonly DateTimeOffset First = ShippedSetup.ShanghaiTime(2026, 1, 1, 0);
    private const int Span = 330 * 24 * 60;

    private static readonly Gen<DateTimeOffset> WholeMinute = Gen.Int[0, Span].Select(m => First.AddMinutes(m));

    private static ClockStop Pause(DateTimeOffset start, DateTimeOffset? end) => new(start, end, ClockStopKind.AwaitingInfo, "Which meter?");

    [Fact]
    public void APauseOfXWorkingMinutes_BeforeTheDeadline_MovesItByExactlyX() =>
        Gen.Select(WholeMinute, Gen.Long[1, 3000], Gen.Double[0, 1], Gen.Int[0, 5 * 24 * 60]).Sample((submitted, target, where, length) =>
        {
            var original = Calendar.AddWorkingMinutes(submitted, target);
            // Anywhere from receipt to just before the deadline, in wall-clock time (nights and holidays included).
            var start = submitted.AddMinutes(Math.Floor((original - submitted).TotalMinutes * where));
            if (start >= original) start = original.AddMinutes(-1);
            var end = start.AddMinutes(length);
            var paused = Calendar.WorkingMinutesBetween(start, end);

            var moved = new DeadlineClock(Calendar, submitted, [Pause(start, end)]).Due(target)!.Value;

            Assert.Equal(paused, Calendar.WorkingMinutesBetween(original, moved));
            Assert.True(moved >= original);
        }, iter: 1000);

    [Fact]
    public void APauseStartingAfterTheDeadline_MovesNothing() =>
        Gen.Select(WholeMinute, Gen.Long[1, 3000], Gen.Int[0, 3000], Gen.Int[1, 3000]).Sample((submitted, target, after, length) =>
        {
            var original = Calendar.AddWorkingMinutes(submitted, target);
            var start = original.AddMinutes(after);
            Assert.Equal(original, new DeadlineClock(Calendar, submitted, [Pause(start, start.AddMinutes(length))]).Due(target));
        }, iter: 300);

    [Fact]
    public void DeadlinesWithPauses_AgreeWithAMinuteByMinuteClock() =>
        Gen.Select(WholeMinute, Gen.Long[1, 1500], Gen.Int[0, 4 * 24 * 60].Array[0, 4]).Sample((submitted, target, offsets) =>
        {
            // Up to two pauses from sorted offsets after receipt: [o0, o1), [o2, o3).
            var sorted = offsets.Order().ToArray();
            var stops = new List<ClockStop>();
            for (var i = 0; i + 1 < sorted.Length; i += 2)
                stops.Add(Pause(submitted.AddMinutes(sorted[i]), submitted.AddMinutes(sorted[i + 1])));

            Assert.Equal(SlowDue(submitted, target, stops), new DeadlineClock(Calendar, submitted, stops).Due(target));
        }, iter: 200);

    [Fact]
    public void WhileAPauseLasts_TheDeadlineIsUnknown_AndStaysWhereItWasWhenItStopped()
    {
        var submitted = ShippedSetup.ShanghaiTime(2026, 3, 2, 10);
        var clock = new DeadlineClock(Calendar, submitted, [Pause(ShippedSetup.ShanghaiTime(2026, 3, 3, 9), null)]);

        Assert.Null(clock.Due(5 * 450));
        Assert.Equal(Calendar.AddWorkingDays(submitted, 5), clock.DueOrWhenStopped(5 * 450));
    }

    [Fact]
    public void RunningMinutes_LeaveOutThePausedTime()
    {
        var submitted = ShippedSetup.ShanghaiTime(2026, 3, 2, 9);              // Monday
        var pause = Pause(ShippedSetup.ShanghaiTime(2026, 3, 2, 10), ShippedSetup.ShanghaiTime(2026, 3, 3, 10)); // one working day
        var clock = new DeadlineClock(Calendar, submitted, [pause]);

        var until = ShippedSetup.ShanghaiTime(2026, 3, 3, 11);
        Assert.Equal(Calendar.WorkingMinutesBetween(submitted, until) - 450, clock.RunningMinutes(until));
        Assert.Equal(120, clock.RunningMinutes(until));
        Assert.Equal(450, clock.StoppedMinutes(until));
    }

    [Fact]
    public void AComplaintFiledOnTheEveOfNationalDay_PausedOverTheHoliday_LosesNoWorkingTime()
    {
        // Filed Wednesday 30 September 2026 at 16:00; the question is asked at 17:00 and answered on
        // Thursday 8 October at 09:30, after the Golden Week (1–7 October off, Saturday 10 October worked).
        var submitted = ShippedSetup.ShanghaiTime(2026, 9, 30, 16);
        var pause = Pause(ShippedSetup.ShanghaiTime(2026, 9, 30, 17), ShippedSetup.ShanghaiTime(2026, 10, 8, 9, 30));
        var clock = new DeadlineClock(Calendar, submitted, [pause]);

        // 30 min of the pause fall on 30 September and 60 on 8 October: 90 working minutes added to 5 days.
        Assert.Equal(90, Calendar.WorkingMinutesBetween(pause.Start, pause.End!.Value));
        Assert.Equal(Calendar.AddWorkingMinutes(submitted, 5 * 450 + 90), clock.Due(5 * 450));
        // Without the pause: Tuesday 13 October 16:00 (Saturday 10 October is a working day); with it, 17:30.
        Assert.Equal(ShippedSetup.ShanghaiTime(2026, 10, 13, 16), Calendar.AddWorkingDays(submitted, 5));
        Assert.Equal(ShippedSetup.ShanghaiTime(2026, 10, 13, 17, 30), clock.Due(5 * 450));
    }

    [Fact]
    public void Replay_KeepsTheOriginalDeadline_AndAddsApprovedExtensionsToTheEffectiveOne()
    {
        var submitted = ShippedSetup.ShanghaiTime(2026, 3, 2, 10);
        var pause = Pause(ShippedSetup.ShanghaiTime(2026, 3, 3, 10), ShippedSetup.ShanghaiTime(2026, 3, 3, 11));
        var inputs = new DeadlineInputs(submitted, 450, 5 * 450, [pause], ApprovedExtensionMinutes: 2 * 450,
            FirstContactedAt: pause.Start, ResolvedAt: null);

        var result = DeadlineReplay.Replay(inputs, Calendar, ShippedSetup.ShanghaiTime(2026, 3, 4, 9));

        Assert.Equal(Calendar.AddWorkingMinutes(submitted, 5 * 450 + 60), result.OriginalResolveBy);
        Assert.Equal(Calendar.AddWorkingMinutes(result.OriginalResolveBy, 2 * 450), result.ResolveBy);
        // The pause began with the first contact, so the contact deadline does not move.
        Assert.Equal(Calendar.AddWorkingDays(submitted, 1), result.ContactBy);
        Assert.Equal(60, result.PausedWorkingMinutes);
        Assert.Equal(Calendar.WorkingMinutesBetween(submitted, pause.Start), result.AchievedContactMinutes);
        Assert.False(result.IsStopped);
    }

    /// <summary>Walks minute by minute, counting the worked minutes in which no pause stood.</summary>
    private static DateTimeOffset? SlowDue(DateTimeOffset start, long target, IReadOnlyList<ClockStop> stops)
    {
        var counted = 0L;
        for (var minute = start; minute < start.AddDays(120); minute = minute.AddMinutes(1))
        {
            if (!Reference.IsWorkingMinute(minute.ToOffset(TimeSpan.FromHours(8)).DateTime)) continue;
            if (stops.Any(s => s.Start <= minute && minute < s.End)) continue;
            if (++counted == target) return minute.AddMinutes(1);
        }
        return null;
    }
}
