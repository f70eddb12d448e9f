using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Sla;

public class CalendarFileTests
{
    // Line numbers below are those of this text (line 1 is the opening brace).
    private const string Valid = """
        {
          "year": 2026,
          "timeZone": "Asia/Shanghai",
          "workingHours": {
            "monday": ["08:30-12:00", "13:30-17:30"],
            "tuesday": ["08:30-12:00"],
            "saturday": []
          },
          "holidays": [
            { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03" }
          ],
          "adjustedWorkingDays": [
            { "date": "2026-01-04", "name": "调休" }
          ]
        }
        """;

    private static IReadOnlyList<LineError> ErrorsWhen(string find, string replace)
    {
        Assert.Contains(find, Valid);
        var result = CalendarFile.Parse(Valid.Replace(find, replace));
        Assert.False(result.IsValid);
        Assert.Null(result.Data);
        return result.Errors;
    }

    private static void AssertSingle(IReadOnlyList<LineError> errors, int line, string code, params object[] args)
    {
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
        if (args.Length > 0) Assert.Equal(args, error.Args);
    }

    [Fact]
    public void TheExample_Parses()
    {
        var result = CalendarFile.Parse(Valid);
        Assert.Empty(result.Errors);
        var data = result.Data!;
        Assert.Equal(2026, data.Year);
        Assert.Equal("Asia/Shanghai", data.TimeZoneId);
        Assert.False(data.Provisional);
        Assert.Null(data.Source);
        Assert.Equal(2, data.WorkingHours[DayOfWeek.Monday].Length);
        Assert.Empty(data.WorkingHours[DayOfWeek.Saturday]);
        Assert.False(data.WorkingHours.ContainsKey(DayOfWeek.Sunday));
        Assert.Equal(3, data.HolidayDates.Count);
        Assert.Equal("元旦", data.HolidayDates[new DateOnly(2026, 1, 2)]);
        Assert.Equal("调休", data.AdjustedWorkingDays[new DateOnly(2026, 1, 4)]);
    }

    [Fact]
    public void InvalidJson_NamesTheLineWhereTheReaderStopped() =>
        AssertSingle(ErrorsWhen("\"year\": 2026,", "\"year\": 2026"), 3, DataFileErrors.InvalidJson);

    [Fact]
    public void EmptyText_IsInvalidJson() =>
        Assert.Equal("line 1: not valid JSON: the file is empty", Assert.Single(CalendarFile.Parse(" \n ").Errors).ToString());

    [Fact]
    public void MissingYear_IsReportedAtTheOpeningBrace() =>
        AssertSingle(ErrorsWhen("\"year\": 2026,", ""), 1, DataFileErrors.MissingProperty, "year");

    [Fact]
    public void YearAsText_IsNotAWholeNumber() =>
        AssertSingle(ErrorsWhen("\"year\": 2026,", "\"year\": \"2026\","), 2, DataFileErrors.ExpectedInteger, "year");

    [Fact]
    public void YearFarAway_IsOutOfRange() =>
        AssertSingle(ErrorsWhen("\"year\": 2026,", "\"year\": 1800,"), 2, DataFileErrors.YearOutOfRange, 1800, 1901, 2100);

    [Fact]
    public void UnknownTimeZone_IsReported() =>
        AssertSingle(ErrorsWhen("Asia/Shanghai", "Mars/Olympus_Mons"), 3, DataFileErrors.UnknownTimeZone, "Mars/Olympus_Mons");

    [Fact]
    public void TimeRangeEndingBeforeItStarts_IsReported() =>
        AssertSingle(ErrorsWhen("\"08:30-12:00\"]", "\"12:00-08:30\"]"), 6, DataFileErrors.TimeRangeEndsBeforeStart, "12:00-08:30");

    [Fact]
    public void EmptyTimeRange_IsReported() =>
        AssertSingle(ErrorsWhen("\"08:30-12:00\"]", "\"09:00-09:00\"]"), 6, DataFileErrors.TimeRangeEndsBeforeStart);

    [Theory]
    [InlineData("8:30-12")]
    [InlineData("08:30")]
    [InlineData("08:30-25:00")]
    [InlineData("morning")]
    public void MalformedTimeRange_IsReported(string range) =>
        AssertSingle(ErrorsWhen("\"08:30-12:00\"]", $"\"{range}\"]"), 6, DataFileErrors.BadTimeRange, range);

    [Fact]
    public void OverlappingPeriods_AreReported() =>
        AssertSingle(ErrorsWhen("\"13:30-17:30\"", "\"11:00-17:30\""), 5, DataFileErrors.OverlappingPeriods, "monday", "08:30-12:00", "11:00-17:30");

    [Fact]
    public void UnknownWeekday_IsReported() =>
        AssertSingle(ErrorsWhen("\"saturday\": []", "\"funday\": []"), 7, DataFileErrors.UnknownWeekday, "funday");

    [Fact]
    public void NoWorkingHoursAtAll_IsReported()
    {
        var text = Valid.Replace("[\"08:30-12:00\", \"13:30-17:30\"]", "[]").Replace("[\"08:30-12:00\"]", "[]");
        AssertSingle(CalendarFile.Parse(text).Errors, 4, DataFileErrors.NoWorkingHours);
    }

    [Fact]
    public void ImpossibleDate_IsReported() =>
        AssertSingle(ErrorsWhen("\"to\": \"2026-01-03\"", "\"to\": \"2026-02-30\""), 10, DataFileErrors.BadDate, "2026-02-30");

    [Fact]
    public void DateOutsideTheYear_IsReported() =>
        AssertSingle(ErrorsWhen("\"from\": \"2026-01-01\"", "\"from\": \"2025-12-31\""), 10, DataFileErrors.DateOutsideYear, "2025-12-31", 2026);

    [Fact]
    public void HolidayEndingBeforeItStarts_IsReported() =>
        AssertSingle(ErrorsWhen("\"from\": \"2026-01-01\", \"to\": \"2026-01-03\"", "\"from\": \"2026-01-03\", \"to\": \"2026-01-01\""),
            10, DataFileErrors.HolidayRangeReversed, "2026-01-03", "2026-01-01");

    [Fact]
    public void ADayBothHolidayAndWorkingDay_IsReported() =>
        AssertSingle(ErrorsWhen("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-02\""), 13, DataFileErrors.HolidayAndWorkingDay, "2026-01-02");

    [Fact]
    public void AnAdjustedDayThatIsAnOrdinaryWorkingDay_IsReportedAsAProbableTypo() =>
        AssertSingle(ErrorsWhen("\"date\": \"2026-01-04\"", "\"date\": \"2026-01-05\""), 13, DataFileErrors.AdjustedDayAlreadyWorking, "2026-01-05", "Monday");

    [Fact]
    public void OverlappingHolidays_AreReported() =>
        AssertSingle(ErrorsWhen("\"to\": \"2026-01-03\" }", "\"to\": \"2026-01-03\" },\n    { \"name\": \"x\", \"from\": \"2026-01-03\" }"),
            11, DataFileErrors.DuplicateDate, "2026-01-03");

    [Fact]
    public void MisspelledProperty_IsReportedAsUnknown() =>
        AssertSingle(ErrorsWhen("\"year\": 2026,", "\"year\": 2026, \"provisonal\": true,"), 2, DataFileErrors.UnknownProperty, "provisonal",
            "year, timeZone, provisional, source, workingHours, holidays, adjustedWorkingDays");

    [Fact]
    public void HolidayWithoutName_IsReported() =>
        AssertSingle(ErrorsWhen("\"name\": \"元旦\", ", ""), 10, DataFileErrors.MissingProperty, "name");

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        var text = Valid.Replace("Asia/Shanghai", "Nowhere").Replace("2026-01-03", "2026-13-01").Replace("\"saturday\"", "\"sabado\"");
        var errors = CalendarFile.Parse(text).Errors;
        Assert.Equal([(3, DataFileErrors.UnknownTimeZone), (7, DataFileErrors.UnknownWeekday), (10, DataFileErrors.BadDate)],
            errors.Select(e => (e.Line, e.Code)).Order());
    }

    [Fact]
    public void WindowsLineEndings_ByteOrderMark_CommentsAndTrailingCommas_AreFine()
    {
        var text = "\uFEFF" + Valid.Replace("\n", "\r\n")
            .Replace("\"year\": 2026,", "\"year\": 2026, // the year")
            .Replace("\"name\": \"调休\" }", "\"name\": \"调休\" },");
        Assert.True(CalendarFile.Parse(text).IsValid);
        var broken = text.Replace("Asia/Shanghai", "Nowhere");
        Assert.Equal(3, Assert.Single(CalendarFile.Parse(broken).Errors).Line);
    }

    [Fact]
    public void DollarKeys_AreComments()
    {
        var text = Valid.Replace("\"year\": 2026,", "\"$comment\": [\"anything\", {\"at\": \"all\"}], \"year\": 2026,");
        Assert.True(CalendarFile.Parse(text).IsValid);
    }

    [Fact]
    public void AHolidayWithoutTo_IsOneDay()
    {
        var data = CalendarFile.Parse(Valid.Replace(", \"to\": \"2026-01-03\"", "")).Data!;
        Assert.Equal([new DateOnly(2026, 1, 1)], data.HolidayDates.Keys);
    }

    [Fact]
    public void ErrorsRead_InEnglishWithTheirLine() =>
        Assert.Equal("line 3: 'Nowhere' is not a known time zone (e.g. Asia/Shanghai)",
            Assert.Single(CalendarFile.Parse(Valid.Replace("Asia/Shanghai", "Nowhere")).Errors).ToString());

    // —— the shipped files ——

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    public void ShippedCalendars_ParseWithoutErrors(int year)
    {
        var result = CalendarFile.Parse(ShippedSetup.Read($"calendar-{year}.json"));
        Assert.Empty(result.Errors);
        Assert.Equal(year, result.Data!.Year);
        Assert.Equal("Asia/Shanghai", result.Data.TimeZoneId);
        Assert.NotNull(result.Data.Source);
    }

    [Fact]
    public void Shipped2026_MatchesTheStateCouncilScheduleExactly()
    {
        var data = ShippedSetup.Calendar(2026);
        (int, int, int, int)[] daysOff = [(1, 1, 1, 3), (2, 15, 2, 23), (4, 4, 4, 6), (5, 1, 5, 5), (6, 19, 6, 21), (9, 25, 9, 27), (10, 1, 10, 7)];
        var expectedHolidays = daysOff.SelectMany(r => Days(new DateOnly(2026, r.Item1, r.Item2), new DateOnly(2026, r.Item3, r.Item4)));
        Assert.Equal(expectedHolidays.Order(), data.HolidayDates.Keys.Order());
        Assert.Equal(
            [new DateOnly(2026, 1, 4), new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28), new DateOnly(2026, 5, 9), new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10)],
            data.AdjustedWorkingDays.Keys.Order());
        Assert.All(data.AdjustedWorkingDays.Keys, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.False(data.Provisional);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", data.Source);
        Assert.Contains("2025-11-04", data.Source);
        Assert.Contains("Xinhua", data.Source);
    }

    [Fact]
    public void Shipped2027_IsProvisionalAndSaysSo()
    {
        var data = ShippedSetup.Calendar(2027);
        Assert.True(data.Provisional);
        Assert.Contains("PROVISIONAL", data.Source);
        Assert.Contains("replace", data.Source);
        Assert.Empty(data.AdjustedWorkingDays);
    }

    [Fact]
    public void Shipped2027_IsExactlyWhatTheGeneratorWrites() =>
        Assert.Equal(ProvisionalCalendar.ForYear(2027), ShippedSetup.Read("calendar-2027.json").Replace("\r\n", "\n"));

    // —— combining years ——

    [Fact]
    public void Build_CombinesHolidaysOfAllYears_AndTakesWorkingHoursFromTheLatest()
    {
        var later = CalendarFile.Parse(Valid.Replace("2026", "2027").Replace("\"tuesday\": [\"08:30-12:00\"]", "\"tuesday\": [\"09:00-10:00\"]")
            .Replace("2027-01-04", "2027-01-09")).Data!; // Jan 9 2027 is a Saturday
        var calendar = CalendarFile.Build([later, CalendarFile.Parse(Valid).Data!]);
        Assert.True(calendar.Holidays.SetEquals(Days(new(2026, 1, 1), new(2026, 1, 3)).Concat(Days(new(2027, 1, 1), new(2027, 1, 3)))));
        Assert.Equal([new WorkingPeriod(new(9, 0), new(10, 0))], calendar.WeeklyHours(DayOfWeek.Tuesday));
    }

    [Fact]
    public void Build_RefusesYearsInDifferentTimeZones()
    {
        var berlin = CalendarFile.Parse(Valid.Replace("2026", "2027").Replace("Asia/Shanghai", "Europe/Berlin").Replace("2027-01-04", "2027-01-09")).Data!;
        var error = Assert.Throws<DomainRuleException>(() => CalendarFile.Build([CalendarFile.Parse(Valid).Data!, berlin]));
        Assert.Equal(DataFileErrors.TimeZoneMismatch, error.Code);
        Assert.Equal([2027, "Europe/Berlin", 2026, "Asia/Shanghai"], error.Arguments);
    }

    [Fact]
    public void Build_AcceptsTheSameZoneUnderItsWindowsName()
    {
        var windows = CalendarFile.Parse(Valid.Replace("2026", "2027").Replace("Asia/Shanghai", "China Standard Time").Replace("2027-01-04", "2027-01-09")).Data!;
        Assert.NotNull(CalendarFile.Build([CalendarFile.Parse(Valid).Data!, windows]));
    }

    [Fact]
    public void Build_RefusesNothingOrTheSameYearTwice()
    {
        Assert.Throws<ArgumentException>(() => CalendarFile.Build([]));
        var data = CalendarFile.Parse(Valid).Data!;
        Assert.Throws<ArgumentException>(() => CalendarFile.Build([data, data]));
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }
}
