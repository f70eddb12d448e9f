using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Sla;

public class WorkCalendarSourceTests : IDisposable
{
    private readonly SqliteDatabase _database = new();
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Dispose() => _database.Dispose();

    private void Store(int year)
    {
        using var db = _database.NewContext();
        var content = ShippedSetup.Read($"calendar-{year}.json");
        var data = CalendarFile.Parse(content).Data!;
        db.CalendarYears.Add(new CalendarYear(year, content, data.Provisional, data.Source, Now));
        db.SaveChanges();
    }

    [Fact]
    public async Task WithNoStoredYears_TheFallbackOfficeHoursApply()
    {
        var source = new WorkCalendarSource();
        await using var db = _database.NewContext();
        var calendar = await source.GetAsync(db);
        Assert.Same(WorkCalendarSource.Fallback, calendar);
        Assert.Equal(450, calendar.StandardDayMinutes);
        Assert.Empty(calendar.Holidays);
    }

    [Fact]
    public async Task TheCalendar_IsBuiltFromTheStoredYears_AndCached()
    {
        Store(2026);
        var source = new WorkCalendarSource();
        await using var db = _database.NewContext();
        var first = await source.GetAsync(db);
        Assert.Contains(new DateOnly(2026, 10, 1), first.Holidays);

        Store(2027); // not seen until invalidated
        Assert.Same(first, await source.GetAsync(db));

        source.Invalidate();
        var second = await source.GetAsync(db);
        Assert.NotSame(first, second);
        Assert.Contains(new DateOnly(2027, 2, 5), second.Holidays);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneLoad()
    {
        Store(2026);
        var source = new WorkCalendarSource();
        var contexts = Enumerable.Range(0, 16).Select(_ => _database.NewContext()).ToList();
        var calendars = await Task.WhenAll(contexts.Select(db => Task.Run(async () => await source.GetAsync(db))));
        Assert.All(calendars, c => Assert.Same(calendars[0], c));
        foreach (var db in contexts) await db.DisposeAsync();
    }

    [Fact]
    public async Task AStoredYearThatNoLongerParses_IsReported_NotSkipped()
    {
        using (var db = _database.NewContext())
        {
            db.CalendarYears.Add(new CalendarYear(2026, "{ \"year\": 2026 }", false, null, Now));
            db.SaveChanges();
        }
        await using var context = _database.NewContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new WorkCalendarSource().GetAsync(context));
        Assert.Contains("2026", error.Message);
        Assert.Contains("timeZone", error.Message);
    }
}
