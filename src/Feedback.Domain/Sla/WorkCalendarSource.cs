using System.Globalization;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla;

/// <summary>
/// The current <see cref="WorkCalendar"/>, built from every row of the CalendarYears table and cached until
/// <see cref="Invalidate"/> is called (after an admin uploads or replaces a year, and after seeding).
/// Thread-safe; one instance per application:
/// <code>
/// builder.Services.AddSingleton&lt;WorkCalendarSource&gt;();
/// // in a handler (scoped FeedbackDbContext db):
/// var calendar = await calendars.GetAsync(db, cancellationToken);
/// </code>
/// The caller passes its own (scoped) context, so the singleton never holds one. With no calendar stored
/// yet, <see cref="Fallback"/> is used (Monday–Friday office hours, no holidays) so that deadlines can still
/// be computed on a fresh database.
/// </summary>
public sealed class WorkCalendarSource
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile WorkCalendar? _cached;
    private int _generation;

    public async ValueTask<WorkCalendar> GetAsync(FeedbackDbContext db, CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached) return cached;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } loadedMeanwhile) return loadedMeanwhile;
            var generation = Volatile.Read(ref _generation);
            var rows = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
            var calendar = Build(rows);
            // An Invalidate() during the query means the rows may already be stale: use them once, do not keep them.
            if (generation == Volatile.Read(ref _generation))
                _cached = calendar;
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forget the cached calendar; the next <see cref="GetAsync"/> reads the table again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cached = null;
    }

    /// <summary>
    /// The calendar of the stored years. Stored text was checked when it was saved, so a year that no longer
    /// parses is a defect, reported rather than skipped: silently dropping holidays would move deadlines.
    /// </summary>
    public static WorkCalendar Build(IEnumerable<CalendarYear> rows)
    {
        var years = new List<CalendarFileData>();
        foreach (var row in rows)
        {
            var parsed = CalendarFile.Parse(row.Content);
            if (parsed.Data is null)
                throw new InvalidOperationException(
                    $"The stored calendar for {row.Year} is invalid: {string.Join("; ", parsed.Errors)}");
            years.Add(parsed.Data);
        }
        return years.Count == 0 ? Fallback : CalendarFile.Build(years);
    }

    /// <summary>Asia/Shanghai, Monday–Friday 08:30–12:00 and 13:30–17:30, no holidays.</summary>
    public static WorkCalendar Fallback { get; } = CreateFallback();

    private static WorkCalendar CreateFallback()
    {
        var office = ProvisionalCalendar.OfficeHours.Select(range => range.Split('-'))
            .Select(p => new WorkingPeriod(TimeOnly.Parse(p[0], CultureInfo.InvariantCulture), TimeOnly.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToArray();
        var weekly = new Dictionary<DayOfWeek, WorkingPeriod[]>
        {
            [DayOfWeek.Monday] = office, [DayOfWeek.Tuesday] = office, [DayOfWeek.Wednesday] = office,
            [DayOfWeek.Thursday] = office, [DayOfWeek.Friday] = office,
        };
        return new WorkCalendar(TimeZoneInfo.FindSystemTimeZoneById(ProvisionalCalendar.TimeZoneId), weekly, [], []);
    }
}
