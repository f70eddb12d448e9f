using Feedback.Domain.Reporting;
using Feedback.Domain.Tests.Support;
using static Feedback.Domain.Tests.Reports.KpiWorld;

namespace Feedback.Domain.Tests.Reports;

/// <summary>A month is the calendar month in Beijing time: its bounds are 16:00 UTC on the last day before.</summary>
public sealed class MonthBoundaryTests : IDisposable
{
    private readonly KpiWorld _world = new();

    [Fact]
    public void MonthBounds_AreLocalMidnightsAsUtcInstants()
    {
        var march = new ReportMonth(2026, 3);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), march.Start(Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero), march.End(Shanghai));
        Assert.Equal(new ReportMonth(2026, 3), ReportMonth.Of(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), Shanghai));
        Assert.Equal(new ReportMonth(2026, 2), ReportMonth.Of(new DateTimeOffset(2026, 2, 28, 15, 59, 59, TimeSpan.Zero), Shanghai));
        Assert.Equal(new ReportMonth(2025, 12), new ReportMonth(2026, 1).Previous);
        Assert.Equal(new ReportMonth(2025, 3), march.SameMonthLastYear);
        Assert.Equal([new ReportMonth(2026, 1), new ReportMonth(2026, 2), march], march.Trailing(3));
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("2026-3", null, null)]
    [InlineData("2026-13", null, null)]
    [InlineData("march", null, null)]
    [InlineData("", null, null)]
    public void Parse_AcceptsOnlyYearDashMonth(string text, int? year, int? month) =>
        Assert.Equal(year is null ? null : new ReportMonth(year.Value, month!.Value), ReportMonth.Parse(text));

    [Fact]
    public async Task CasesFiledAroundMidnight_CountInTheirBeijingMonth()
    {
        _world.File(At(2, 28, 23, 30));               // 15:30 UTC Feb 28: February
        _world.File(At(3, 1, 0, 30));                 // 16:30 UTC Feb 28: March, though the UTC date is February
        _world.File(At(3, 31, 23, 59));               // March
        _world.File(At(4, 1, 0, 0));                  // 16:00 UTC Mar 31: April
        _world.Save();
        var now = At(5, 1);

        Assert.Equal(1, (await _world.CountAsync(new ReportMonth(2026, 2), now)).Received);
        Assert.Equal(2, (await _world.CountAsync(new ReportMonth(2026, 3), now)).Received);
        Assert.Equal(1, (await _world.CountAsync(new ReportMonth(2026, 4), now)).Received);
    }

    public void Dispose() => _world.Dispose();
}
