using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting;

/// <summary>The figures of one month: the frozen report's if there is one, otherwise counted now.</summary>
/// <param name="Cells">Only the cells the filter selects.</param>
/// <param name="ResolutionP90Hours">Keys as in <see cref="MonthlyReportFigures.P90Key"/>; missing = not known.</param>
/// <param name="Reviews">The supervision reviews the filter selects; null when it cannot say (a category or kind
/// filter, or a report frozen before reviews were counted).</param>
/// <param name="CountedAt">When live figures were counted (null for a frozen report).</param>
public sealed record KpiSnapshot(
    ReportMonth Month, DateTimeOffset? FrozenAt, IReadOnlyList<KpiCell> Cells, IReadOnlyDictionary<string, double?> ResolutionP90Hours,
    IReadOnlyList<ReviewCount>? Reviews, DateTimeOffset? CountedAt = null)
{
    public int? ReviewsSubmitted => Reviews?.Sum(r => r.Count);

    public bool IsFrozen => FrozenAt is not null;
    public KpiCounts Total => KpiCounts.Sum(Cells.Select(c => c.Counts));

    public double? P90(KpiDimension? dimension = null, string? rowKey = null) =>
        ResolutionP90Hours.GetValueOrDefault(MonthlyReportFigures.P90Key(dimension, rowKey));

    /// <summary>The table by <paramref name="dimension"/>: one row per value that has any figure.</summary>
    public IReadOnlyList<(string RowKey, KpiCounts Counts)> Rows(KpiDimension dimension) =>
        Cells.GroupBy(c => c.Key.RowKey(dimension))
            .Select(g => (g.Key, KpiCounts.Sum(g.Select(c => c.Counts))))
            .ToList();
}

/// <summary>
/// Where every page gets its figures: a frozen month from its report (never recomputed), any other month
/// from <see cref="KpiCalculator"/>, kept for a short while by <see cref="LiveKpiCache"/>. Months are calendar
/// months in the working calendar's time zone.
/// </summary>
public sealed class KpiSource(FeedbackDbContext db, WorkCalendarSource calendars, FrozenReportCache frozen, LiveKpiCache live, TimeProvider clock)
{
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken) => (await calendars.GetAsync(db, cancellationToken)).TimeZone;

    public async Task<ReportMonth> CurrentMonthAsync(CancellationToken cancellationToken) =>
        ReportMonth.Of(clock.GetUtcNow(), await TimeZoneAsync(cancellationToken));

    public async Task<KpiWindow> WindowAsync(ReportMonth month, CancellationToken cancellationToken) =>
        KpiWindow.For(month, await TimeZoneAsync(cancellationToken), clock.GetUtcNow());

    /// <param name="p90For">The table whose rows need a resolution-time percentile (live months only count those asked for).</param>
    public async Task<KpiSnapshot> LoadAsync(ReportMonth month, KpiFilter filter, bool withP90, KpiDimension? p90For, CancellationToken cancellationToken)
    {
        var report = await db.MonthlyReports.AsNoTracking().Where(r => r.Year == month.Year && r.Month == month.Month)
            .Select(r => new { r.Id, r.FrozenAt }).SingleOrDefaultAsync(cancellationToken);
        if (report is not null)
        {
            var figures = await frozen.GetAsync(report.Id, async () =>
                (await db.MonthlyReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, cancellationToken)).Figures());
            return new KpiSnapshot(month, report.FrozenAt, figures.Cells.Where(c => filter.Matches(c.Key)).ToList(), FrozenP90(figures, filter),
                filter.Select(figures.Reviews));
        }
        return await live.GetAsync(month, filter, withP90, p90For,
            () => CountAsync(month, filter, withP90, p90For is { } d ? [d] : [], cancellationToken));
    }

    /// <summary>Counts the month now, with the percentiles for the whole and for each row of <paramref name="p90For"/>.</summary>
    public async Task<KpiSnapshot> CountAsync(ReportMonth month, KpiFilter filter, bool withP90, IReadOnlyList<KpiDimension> p90For,
        CancellationToken cancellationToken)
    {
        var calculator = new KpiCalculator(db);
        var window = await WindowAsync(month, cancellationToken);
        var cells = await calculator.CellsAsync(window, filter, cancellationToken);
        var p90 = withP90 ? await calculator.ResolutionP90HoursAsync(window, filter, p90For, cancellationToken) : [];
        return new KpiSnapshot(month, null, cells, p90, filter.Select(await calculator.ReviewsAsync(window, cancellationToken)), window.Now);
    }

    /// <summary>A frozen report holds the percentiles of the whole and of each single department, category, area and kind.</summary>
    private static Dictionary<string, double?> FrozenP90(MonthlyReportFigures figures, KpiFilter filter)
    {
        var stored = figures.ResolutionP90Hours;
        if (filter.IsEmpty)
            return new Dictionary<string, double?>(stored);
        var set = new (KpiDimension Dimension, string? Key)[]
        {
            (KpiDimension.Department, filter.DepartmentId?.ToString()), (KpiDimension.Category, filter.CategoryId?.ToString()),
            (KpiDimension.Area, filter.ServiceAreaId?.ToString()), (KpiDimension.Kind, filter.Kind?.ToString()),
        }.Where(f => f.Key is not null).ToList();
        var result = new Dictionary<string, double?>();
        if (set.Count == 1 && stored.TryGetValue(MonthlyReportFigures.P90Key(set[0].Dimension, set[0].Key), out var value))
        {
            result[MonthlyReportFigures.P90Key(null, null)] = value;
            result[MonthlyReportFigures.P90Key(set[0].Dimension, set[0].Key)] = value;
        }
        return result;
    }
}
