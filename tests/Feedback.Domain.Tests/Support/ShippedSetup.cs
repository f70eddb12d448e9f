using Feedback.Domain.Sla;

namespace Feedback.Domain.Tests.Support;

/// <summary>The content/setup folder of this checkout, and the calendar its files describe.</summary>
public static class ShippedSetup
{
    public static string Folder { get; } = FindFolder();

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static CalendarFileData Calendar(int year)
    {
        var parsed = CalendarFile.Parse(Read($"calendar-{year}.json"));
        Assert.True(parsed.IsValid, string.Join(Environment.NewLine, parsed.Errors));
        return parsed.Data!;
    }

    /// <summary>2026 (official) and 2027 (provisional) combined, as the application builds it.</summary>
    public static WorkCalendar WorkCalendar { get; } = CalendarFile.Build([Calendar(2026), Calendar(2027)]);

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A wall-clock time in Shanghai (UTC+8, no daylight saving) as an instant.</summary>
    public static DateTimeOffset ShanghaiTime(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content", "setup");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("content/setup not found above " + AppContext.BaseDirectory);
    }
}
