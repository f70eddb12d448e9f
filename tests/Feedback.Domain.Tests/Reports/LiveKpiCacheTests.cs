using Feedback.Domain.Cases;
using Feedback.Domain.Reporting;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Domain.Tests.Reports;

public sealed class LiveKpiCacheTests
{
    private static readonly ReportMonth November = new(2026, 11);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private int _counts;

    private Task<KpiSnapshot> Count()
    {
        _counts++;
        return Task.FromResult(new KpiSnapshot(November, null, [], new Dictionary<string, double?>(), [], _clock.GetUtcNow()));
    }

    [Fact]
    public async Task LiveFigures_AreReusedUntilTheyAreOlderThanTheMaxAge_ThenCountedAgain()
    {
        var cache = new LiveKpiCache(new LiveKpiOptions(TimeSpan.FromMinutes(1)), _clock);

        var first = await cache.GetAsync(November, KpiFilter.All, true, KpiDimension.Department, Count);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = await cache.GetAsync(November, KpiFilter.All, true, KpiDimension.Department, Count);
        Assert.Same(first, second);
        Assert.Equal(1, _counts);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var third = await cache.GetAsync(November, KpiFilter.All, true, KpiDimension.Department, Count);
        Assert.Equal(2, _counts);
        Assert.Equal(_clock.GetUtcNow(), third.CountedAt);
    }

    [Fact]
    public async Task EachFilterAndTable_IsCountedOnItsOwn()
    {
        var cache = new LiveKpiCache(new LiveKpiOptions(TimeSpan.FromMinutes(1)), _clock);

        await cache.GetAsync(November, KpiFilter.All, true, KpiDimension.Department, Count);
        await cache.GetAsync(November, new KpiFilter(Kind: CaseKind.Complaint), true, KpiDimension.Department, Count);
        await cache.GetAsync(November, KpiFilter.All, true, KpiDimension.Area, Count);
        await cache.GetAsync(November, KpiFilter.All, false, null, Count);
        await cache.GetAsync(November.Previous, KpiFilter.All, true, KpiDimension.Department, Count);
        Assert.Equal(5, _counts);
        await cache.GetAsync(November, new KpiFilter(Kind: CaseKind.Complaint), true, KpiDimension.Department, Count);
        Assert.Equal(5, _counts);
    }

    [Fact]
    public async Task AMaxAgeOfZero_CountsEveryTime()
    {
        var cache = new LiveKpiCache(LiveKpiOptions.Off, _clock);

        await cache.GetAsync(November, KpiFilter.All, true, null, Count);
        await cache.GetAsync(November, KpiFilter.All, true, null, Count);
        Assert.Equal(2, _counts);
    }
}
