using Feedback.Domain.Cases;

namespace Feedback.Domain.Sla;

/// <summary>Why the resolution clock stood still.</summary>
public enum ClockStopKind
{
    /// <summary>Waiting for the submitter's answer (AwaitingInfo): a pause, with the question as its reason.</summary>
    AwaitingInfo,
    /// <summary>Resolved (and perhaps closed): the clock restarts where it stopped if the case is reopened.</summary>
    Resolved,
    /// <summary>Closed or rejected without a resolution.</summary>
    Ended,
}

/// <summary>A stretch of time in which the clock stood still. <see cref="End"/> is null while it still stands.</summary>
public sealed record ClockStop(DateTimeOffset Start, DateTimeOffset? End, ClockStopKind Kind, string? Reason)
{
    public bool IsOpen => End is null;
}

/// <summary>What a case's deadlines are replayed from: the timeline's facts, never the deadlines stored before.</summary>
public sealed record DeadlineInputs(
    DateTimeOffset SubmittedAt,
    long ContactTargetMinutes,
    long ResolveTargetMinutes,
    IReadOnlyList<ClockStop> Stops,
    long ApprovedExtensionMinutes,
    DateTimeOffset? FirstContactedAt,
    DateTimeOffset? ResolvedAt);

/// <param name="ContactBy">First contact due; only pauses before the first contact move it.</param>
/// <param name="OriginalResolveBy">The target plus the pauses, without extensions: the deadline KPIs hold a case to.</param>
/// <param name="ResolveBy">The effective deadline: <paramref name="OriginalResolveBy"/> with approved extensions.</param>
/// <param name="PausedWorkingMinutes">Working minutes the clock stood still, up to now.</param>
/// <param name="IsStopped">The clock stands still now; while it does, the deadlines are those it had when it stopped.</param>
/// <param name="AchievedContactMinutes">Running working minutes from receipt to first contact.</param>
/// <param name="AchievedResolveMinutes">Running working minutes from receipt to the (latest) resolution.</param>
public sealed record DeadlineReplayResult(
    DateTimeOffset ContactBy,
    DateTimeOffset OriginalResolveBy,
    DateTimeOffset ResolveBy,
    long PausedWorkingMinutes,
    bool IsStopped,
    long? AchievedContactMinutes,
    long? AchievedResolveMinutes);

/// <summary>
/// The SLA clock of DESIGN §4 as a pure function of the timeline. The clock runs from receipt in working
/// time, stands still while the case awaits the submitter's information and while it is resolved, and a
/// deadline is the moment its target of running working minutes is reached. So a pause of x working
/// minutes that starts before a deadline moves it by exactly x working minutes; a pause that starts after
/// it (an overdue case asking a question) moves nothing. Approved extensions add to the target.
/// </summary>
public static class DeadlineReplay
{
    /// <summary>Statuses in which the organisation owes the work and the clock runs.</summary>
    public static readonly IReadOnlySet<CaseStatus> ClockRunning =
        new HashSet<CaseStatus> { CaseStatus.Submitted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Reopened };

    public static DeadlineReplayResult Replay(DeadlineInputs inputs, WorkCalendar calendar, DateTimeOffset now)
    {
        var resolveClock = new DeadlineClock(calendar, inputs.SubmittedAt, inputs.Stops);
        // The first contact ends the contact clock, so only stops before it count (RequestInfo is contact).
        var contactClock = inputs.FirstContactedAt is { } contacted
            ? new DeadlineClock(calendar, inputs.SubmittedAt, inputs.Stops.Where(s => s.Start < contacted).ToList())
            : resolveClock;

        return new DeadlineReplayResult(
            ContactBy: contactClock.DueOrWhenStopped(inputs.ContactTargetMinutes),
            OriginalResolveBy: resolveClock.DueOrWhenStopped(inputs.ResolveTargetMinutes),
            ResolveBy: resolveClock.DueOrWhenStopped(inputs.ResolveTargetMinutes + inputs.ApprovedExtensionMinutes),
            PausedWorkingMinutes: PausedMinutes(calendar, inputs.SubmittedAt, inputs.Stops, now),
            IsStopped: inputs.Stops.Any(s => s.IsOpen && s.Start <= now),
            AchievedContactMinutes: inputs.FirstContactedAt is { } contact ? resolveClock.RunningMinutes(contact) : null,
            AchievedResolveMinutes: inputs.ResolvedAt is { } resolved ? resolveClock.RunningMinutes(resolved) : null);
    }

    /// <summary>
    /// Working minutes the clock stood still up to <paramref name="now"/>, counting a pause that still lasts but
    /// not the stop at the end of a case's life (resolved, closed), which is no pause.
    /// </summary>
    public static long PausedMinutes(WorkCalendar calendar, DateTimeOffset submittedAt, IReadOnlyList<ClockStop> stops, DateTimeOffset now) =>
        new DeadlineClock(calendar, submittedAt, stops.Where(s => !s.IsOpen || s.Kind == ClockStopKind.AwaitingInfo).ToList()).StoppedMinutes(now);

    /// <summary>
    /// The clock stops read off the timeline: a stop starts when the case leaves a running status (into
    /// AwaitingInfo, Resolved, Closed or Rejected) and ends when it comes back into one.
    /// </summary>
    public static IReadOnlyList<ClockStop> Stops(IEnumerable<CaseEvent> timeline)
    {
        var stops = new List<ClockStop>();
        ClockStop? open = null;
        foreach (var change in timeline.Where(e => e.Type == CaseEventType.StatusChanged && e.ToStatus is not null).OrderBy(e => e.At))
        {
            var running = ClockRunning.Contains(change.ToStatus!.Value);
            if (open is null && !running)
            {
                var kind = change.ToStatus switch
                {
                    CaseStatus.AwaitingInfo => ClockStopKind.AwaitingInfo,
                    CaseStatus.Resolved => ClockStopKind.Resolved,
                    _ => ClockStopKind.Ended,
                };
                open = new ClockStop(change.At, null, kind, kind == ClockStopKind.AwaitingInfo ? change.Text : null);
            }
            else if (open is not null && running)
            {
                stops.Add(open with { End = change.At });
                open = null;
            }
        }
        if (open is not null) stops.Add(open);
        return stops;
    }
}

/// <summary>
/// Working time from a start instant on a calendar, with the clock standing still during <c>stops</c>
/// (ordered, not overlapping, all after the start).
/// </summary>
public sealed class DeadlineClock(WorkCalendar calendar, DateTimeOffset start, IReadOnlyList<ClockStop> stops)
{
    private readonly IReadOnlyList<ClockStop> _stops = stops.OrderBy(s => s.Start).ToList();

    /// <summary>
    /// When <paramref name="minutes"/> of running working time have passed; null when the clock stands still
    /// (an open stop) before they have.
    /// </summary>
    public DateTimeOffset? Due(long minutes) => Walk(minutes, ignoreOpenStop: false);

    /// <summary>As <see cref="Due"/>, but while the clock stands still: the deadline as it was when it stopped.</summary>
    public DateTimeOffset DueOrWhenStopped(long minutes) => Walk(minutes, ignoreOpenStop: true)!.Value;

    /// <summary>Working minutes in which the clock ran between the start and <paramref name="until"/>.</summary>
    public long RunningMinutes(DateTimeOffset until) =>
        Math.Max(0, calendar.WorkingMinutesBetween(start, until) - StoppedMinutes(until));

    /// <summary>Working minutes in which the clock stood still between the start and <paramref name="until"/>.</summary>
    public long StoppedMinutes(DateTimeOffset until) =>
        _stops.Where(s => s.Start < until)
            .Sum(s => calendar.WorkingMinutesBetween(Max(s.Start, start), s.End is { } end && end < until ? end : until));

    private DateTimeOffset? Walk(long minutes, bool ignoreOpenStop)
    {
        var stopped = 0L;
        var due = calendar.AddWorkingMinutes(start, minutes);
        foreach (var stop in _stops)
        {
            // Stops are in order: once one starts at or after the deadline, none moves it.
            if (stop.Start >= due) break;
            if (stop.End is not { } end)
                return ignoreOpenStop ? due : null;
            stopped += calendar.WorkingMinutesBetween(Max(stop.Start, start), end);
            due = calendar.AddWorkingMinutes(start, minutes + stopped);
        }
        return due;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
