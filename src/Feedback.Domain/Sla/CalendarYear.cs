namespace Feedback.Domain.Sla;

/// <summary>
/// One year's calendar file as loaded (from content/setup or an admin's upload). The source text is kept
/// so that the calendar can be shown and re-parsed; the WorkCalendar is built from all stored years.
/// </summary>
public sealed class CalendarYear
{
    private CalendarYear() { }

    public CalendarYear(int year, string content, bool provisional, string? source, DateTimeOffset loadedAt)
    {
        Year = year;
        Content = content;
        IsProvisional = provisional;
        Source = source;
        LoadedAt = loadedAt;
    }

    public int Year { get; private set; }
    public string Content { get; private set; } = "";
    public bool IsProvisional { get; private set; }
    public string? Source { get; private set; }
    public DateTimeOffset LoadedAt { get; private set; }

    public void Replace(string content, bool provisional, string? source, DateTimeOffset loadedAt)
    {
        Content = content;
        IsProvisional = provisional;
        Source = source;
        LoadedAt = loadedAt;
    }
}
