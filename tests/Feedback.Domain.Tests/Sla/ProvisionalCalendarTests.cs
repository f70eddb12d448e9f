using Feedback.Domain.Sla;

namespace Feedback.Domain.Tests.Sla;

public class ProvisionalCalendarTests
{
    public static TheoryData<int> EveryYear() => [.. Enumerable.Range(ProvisionalCalendar.FirstYear, ProvisionalCalendar.LastYear - ProvisionalCalendar.FirstYear + 1)];

    [Theory]
    [MemberData(nameof(EveryYear))]
    public void EveryGeneratedYear_IsAValidProvisionalCalendarWithTheStatutoryDays(int year)
    {
        var result = CalendarFile.Parse(ProvisionalCalendar.ForYear(year));
        Assert.Empty(result.Errors);
        var data = result.Data!;
        Assert.True(data.Provisional);
        Assert.InRange(data.Source!.Length, 1, 500);
        var lunarNewYear = data.Holidays.Single(h => h.Name.StartsWith("春节")).From.AddDays(1);
        Assert.InRange(lunarNewYear, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        Assert.Contains(new DateOnly(year, 1, 1), data.HolidayDates.Keys);
        Assert.Contains(new DateOnly(year, 10, 3), data.HolidayDates.Keys);
        // 13 statutory days, one fewer when Mid-Autumn falls on Oct 1–3.
        var midAutumnInOctober = data.Holidays.Any(h => h.Name.Contains("中秋") && h.Name.Contains("国庆"));
        Assert.Equal(midAutumnInOctober ? 12 : 13, data.HolidayDates.Count);
    }

    [Theory]
    [InlineData(2025, "2025-01-28", "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-02-16", "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-02-05", "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-01-25", "2028-05-28", "2028-10-03")] // leap 5th month; Mid-Autumn on National Day
    [InlineData(2033, "2033-01-30", "2033-06-01", "2033-09-08")] // leap 11th month
    public void LunarHolidays_MatchKnownDates(int year, string eve, string dragonBoat, string midAutumn)
    {
        var holidays = ProvisionalCalendar.StatutoryHolidays(year);
        var springFestival = holidays.Single(h => h.Name.StartsWith("春节"));
        Assert.Equal(DateOnly.Parse(eve), springFestival.From);
        Assert.Equal(DateOnly.Parse(eve).AddDays(3), springFestival.To);
        Assert.Equal(DateOnly.Parse(dragonBoat), holidays.Single(h => h.Name.StartsWith("端午")).From);
        Assert.Contains(holidays, h => h.Name.Contains("中秋") && h.From <= DateOnly.Parse(midAutumn) && DateOnly.Parse(midAutumn) <= h.To);
    }

    [Theory]
    [InlineData(2008, 4)]
    [InlineData(2019, 5)]
    [InlineData(2020, 4)]
    [InlineData(2023, 5)]
    [InlineData(2024, 4)]
    [InlineData(2025, 4)]
    [InlineData(2026, 5)]
    [InlineData(2027, 5)]
    [InlineData(2028, 4)]
    public void Qingming_MatchesPublishedDates(int year, int aprilDay) =>
        Assert.Equal(new DateOnly(year, 4, aprilDay), ProvisionalCalendar.Qingming(year));

    [Fact]
    public void The2026Holidays_ContainEveryStatutoryDayOf2026()
    {
        // A check on the generator from the other side: the official schedule includes all statutory days.
        var official = Support.ShippedSetup.Calendar(2026).HolidayDates.Keys.ToHashSet();
        var statutory = ProvisionalCalendar.StatutoryHolidays(2026).SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays));
        Assert.Subset(official, statutory.ToHashSet());
    }

    [Fact]
    public void YearsOutsideTheSupportedRange_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvisionalCalendar.ForYear(2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvisionalCalendar.ForYear(2100));
    }
}
