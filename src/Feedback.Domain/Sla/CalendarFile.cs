using System.Globalization;
using Feedback.Domain.Common;

namespace Feedback.Domain.Sla;

/// <summary>
/// Reads one year's working-calendar file (content/setup/calendar-YYYY.json, or an admin's upload) and
/// combines years into a <see cref="WorkCalendar"/>. The format, UTF-8 JSON, comments allowed:
/// <code>
/// {
///   "$comment": "keys starting with $ are notes for people and are ignored",
///   "year": 2026,                          // required; every date below must be in this year
///   "timeZone": "Asia/Shanghai",           // required; IANA (or Windows) id; all years must agree
///   "provisional": false,                  // optional; true = generated, not the official schedule
///   "source": "国务院办公厅关于…的通知",       // optional, ≤ 500 characters: where the schedule came from
///   "workingHours": {                      // required; weekday → "HH:mm-HH:mm" periods, local time
///     "monday": ["08:30-12:00", "13:30-17:30"], … , "saturday": [], "sunday": []
///   },                                     // a weekday left out has no working hours
///   "holidays": [                          // optional; days off, inclusive; "to" may be left out
///     { "name": "春节 Spring Festival", "from": "2026-02-15", "to": "2026-02-23" }
///   ],
///   "adjustedWorkingDays": [               // optional; weekend days that are worked (调休)
///     { "date": "2026-02-14", "name": "春节调休 Spring Festival make-up day" }
///   ]
/// }
/// </code>
/// Every problem is reported (not just the first) as a <see cref="LineError"/> naming the line; the codes
/// are in <see cref="DataFileErrors"/> (Json.* and Calendar.*).
/// </summary>
public static class CalendarFile
{
    public const int MinYear = 1901;
    public const int MaxYear = 2100;

    private static readonly string[] TopLevel = ["year", "timeZone", "provisional", "source", "workingHours", "holidays", "adjustedWorkingDays"];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    public static CalendarParseResult Parse(string text)
    {
        var root = LineJson.Parse(text, out var syntaxError);
        if (root is null) return new CalendarParseResult(null, [syntaxError!]);

        var read = new JsonFieldReader();
        if (read.Object(root, "(file)") is not { } file) return new CalendarParseResult(null, read.Errors);
        read.OnlyKnown(file, TopLevel);

        var year = read.Integer(file, "year", required: true);
        if (year is < MinYear or > MaxYear)
        {
            read.Add(file.Find("year")!.Line, DataFileErrors.YearOutOfRange, year, MinYear, MaxYear);
            year = null;
        }
        var timeZone = ReadTimeZone(read, file);
        var provisional = read.Boolean(file, "provisional", required: false) ?? false;
        var source = read.String(file, "source", required: false, maxLength: 500);
        var weekly = ReadWorkingHours(read, file);
        var (ranges, holidayDates) = ReadHolidays(read, file, year);
        var adjusted = ReadAdjustedDays(read, file, year, holidayDates, weekly);

        if (read.Errors.Count > 0 || year is null || timeZone is null || weekly is null)
            return new CalendarParseResult(null, read.Errors);
        return new CalendarParseResult(
            new CalendarFileData(year.Value, timeZone.Id, timeZone, provisional, source, weekly, ranges, holidayDates, adjusted), []);
    }

    /// <summary>
    /// One calendar from several years' files: every year's holidays and adjusted working days, the working
    /// hours of the latest year. Throws <see cref="DomainRuleException"/> (<see cref="DataFileErrors.TimeZoneMismatch"/>)
    /// when the years disagree on the time zone.
    /// </summary>
    public static WorkCalendar Build(IEnumerable<CalendarFileData> years)
    {
        var all = years.OrderBy(y => y.Year).ToList();
        if (all.Count == 0) throw new ArgumentException("At least one calendar year is needed.", nameof(years));
        var duplicate = all.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The calendar for {duplicate.Key} is given twice.", nameof(years));

        var latest = all[^1];
        // "Asia/Shanghai" and "China Standard Time" name the same zone; compare what they do, not their names.
        var other = all.FirstOrDefault(y => !y.TimeZone.HasSameRules(latest.TimeZone));
        if (other is not null)
            throw new DomainRuleException(DataFileErrors.TimeZoneMismatch, latest.Year, latest.TimeZoneId, other.Year, other.TimeZoneId);

        return new WorkCalendar(latest.TimeZone, latest.WorkingHours,
            all.SelectMany(y => y.HolidayDates.Keys), all.SelectMany(y => y.AdjustedWorkingDays.Keys));
    }

    private static TimeZoneInfo? ReadTimeZone(JsonFieldReader read, JsonObjectAt file)
    {
        var id = read.String(file, "timeZone", required: true, maxLength: 100);
        if (id is null) return null;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        read.Add(file.Find("timeZone")!.Value.Line, DataFileErrors.UnknownTimeZone, id);
        return null;
    }

    private static Dictionary<DayOfWeek, WorkingPeriod[]>? ReadWorkingHours(JsonFieldReader read, JsonObjectAt file)
    {
        if (read.Object(file, "workingHours", required: true) is not { } hours) return null;
        var errorsBefore = read.Errors.Count;
        var weekly = new Dictionary<DayOfWeek, WorkingPeriod[]>();
        foreach (var property in hours.Properties.Where(p => !p.IsComment))
        {
            if (!Weekdays.TryGetValue(property.Name, out var day))
            {
                read.Add(property.Line, DataFileErrors.UnknownWeekday, property.Name);
                continue;
            }
            if (weekly.ContainsKey(day))
            {
                read.Add(property.Line, DataFileErrors.DuplicateProperty, property.Name);
                continue;
            }
            if (property.Value is not JsonArrayAt list)
            {
                read.Add(property.Value.Line, DataFileErrors.ExpectedList, property.Name);
                continue;
            }
            weekly[day] = ReadPeriods(read, property.Name, list);
        }
        if (read.Errors.Count == errorsBefore && weekly.Values.All(p => p.Length == 0))
            read.Add(hours.Line, DataFileErrors.NoWorkingHours);
        return read.Errors.Count == errorsBefore ? weekly : null;
    }

    private static WorkingPeriod[] ReadPeriods(JsonFieldReader read, string weekday, JsonArrayAt list)
    {
        var periods = new List<(WorkingPeriod Period, string Text, int Line)>();
        foreach (var item in list.Items)
        {
            if (read.String(item, weekday) is not { } text) continue;
            if (!TryParseRange(text, out var period))
                read.Add(item.Line, DataFileErrors.BadTimeRange, text);
            else if (period.End <= period.Start)
                read.Add(item.Line, DataFileErrors.TimeRangeEndsBeforeStart, text);
            else
                periods.Add((period, text, item.Line));
        }
        var sorted = periods.OrderBy(p => p.Period.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].Period.Start < sorted[i - 1].Period.End)
                read.Add(Math.Max(sorted[i].Line, sorted[i - 1].Line), DataFileErrors.OverlappingPeriods, weekday, sorted[i - 1].Text, sorted[i].Text);
        return sorted.Select(p => p.Period).ToArray();
    }

    private static bool TryParseRange(string text, out WorkingPeriod period)
    {
        period = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return false;
        period = new WorkingPeriod(start, end);
        return true;
    }

    private static (List<CalendarHoliday>, Dictionary<DateOnly, string>) ReadHolidays(JsonFieldReader read, JsonObjectAt file, int? year)
    {
        var ranges = new List<CalendarHoliday>();
        var dates = new Dictionary<DateOnly, string>();
        if (read.Array(file, "holidays", required: false) is not { } list) return (ranges, dates);
        foreach (var item in list.Items)
        {
            if (read.Object(item, "holidays") is not { } holiday) continue;
            read.OnlyKnown(holiday, "name", "from", "to");
            var name = read.String(holiday, "name", required: true, maxLength: 100);
            var from = ReadDate(read, holiday, "from", required: true, year);
            var to = holiday.Find("to") is null ? from : ReadDate(read, holiday, "to", required: true, year);
            if (name is null || from is null || to is null) continue;
            if (from > to)
            {
                read.Add(holiday.Line, DataFileErrors.HolidayRangeReversed, Iso(from.Value), Iso(to.Value));
                continue;
            }
            ranges.Add(new CalendarHoliday(name, from.Value, to.Value));
            DateOnly? clash = null;
            for (var day = from.Value; day <= to.Value; day = day.AddDays(1))
                if (!dates.TryAdd(day, name))
                    clash ??= day;
            if (clash is not null)
                read.Add(holiday.Line, DataFileErrors.DuplicateDate, Iso(clash.Value));
        }
        return (ranges, dates);
    }

    private static Dictionary<DateOnly, string> ReadAdjustedDays(JsonFieldReader read, JsonObjectAt file, int? year,
        Dictionary<DateOnly, string> holidays, Dictionary<DayOfWeek, WorkingPeriod[]>? weekly)
    {
        var days = new Dictionary<DateOnly, string>();
        if (read.Array(file, "adjustedWorkingDays", required: false) is not { } list) return days;
        foreach (var item in list.Items)
        {
            if (read.Object(item, "adjustedWorkingDays") is not { } entry) continue;
            read.OnlyKnown(entry, "date", "name");
            var name = read.String(entry, "name", required: true, maxLength: 100);
            var date = ReadDate(read, entry, "date", required: true, year);
            if (name is null || date is null) continue;
            if (holidays.ContainsKey(date.Value))
                read.Add(entry.Line, DataFileErrors.HolidayAndWorkingDay, Iso(date.Value));
            else if (!days.TryAdd(date.Value, name))
                read.Add(entry.Line, DataFileErrors.DuplicateDate, Iso(date.Value));
            // Listing an ordinary working day is almost always a mistyped date.
            else if (weekly is not null && weekly.TryGetValue(date.Value.DayOfWeek, out var periods) && periods.Length > 0)
                read.Add(entry.Line, DataFileErrors.AdjustedDayAlreadyWorking, Iso(date.Value), date.Value.DayOfWeek.ToString());
        }
        return days;
    }

    private static DateOnly? ReadDate(JsonFieldReader read, JsonObjectAt parent, string name, bool required, int? year)
    {
        if (read.String(parent, name, required, maxLength: 40) is not { } text) return null;
        var line = parent.Find(name)!.Value.Line;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            read.Add(line, DataFileErrors.BadDate, text);
            return null;
        }
        if (year is not null && date.Year != year)
        {
            read.Add(line, DataFileErrors.DateOutsideYear, text, year.Value);
            return null;
        }
        return date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Either the parsed file or the problems found in it (each naming its line).</summary>
public sealed record CalendarParseResult(CalendarFileData? Data, IReadOnlyList<LineError> Errors)
{
    public bool IsValid => Data is not null;
}

/// <summary>One calendar file, checked and parsed. <see cref="HolidayDates"/> has every day off with its holiday's name.</summary>
public sealed record CalendarFileData(
    int Year,
    string TimeZoneId,
    TimeZoneInfo TimeZone,
    bool Provisional,
    string? Source,
    IReadOnlyDictionary<DayOfWeek, WorkingPeriod[]> WorkingHours,
    IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyDictionary<DateOnly, string> HolidayDates,
    IReadOnlyDictionary<DateOnly, string> AdjustedWorkingDays)
{
    public WorkCalendar ToWorkCalendar() => CalendarFile.Build([this]);
}

/// <summary>A holiday as written in the file: a name and an inclusive range of days off.</summary>
public sealed record CalendarHoliday(string Name, DateOnly From, DateOnly To);
