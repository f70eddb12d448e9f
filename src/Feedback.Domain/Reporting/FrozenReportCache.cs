using System.Collections.Concurrent;

namespace Feedback.Domain.Reporting;

/// <summary>
/// The figures of frozen monthly reports, parsed once per process. A frozen report never changes, so its
/// figures can be kept by report id for as long as the process lives; every dashboard reads up to fourteen
/// of them (the month, the one before, a year before, the 12-month trend) and parsing their JSON was a large
/// part of the page's time. A singleton; bounded, because a long-lived process may be asked for many years.
/// </summary>
public sealed class FrozenReportCache
{
    private const int Capacity = 120;
    private readonly ConcurrentDictionary<Guid, MonthlyReportFigures> _figures = new();

    public async Task<MonthlyReportFigures> GetAsync(Guid reportId, Func<Task<MonthlyReportFigures>> load)
    {
        if (_figures.TryGetValue(reportId, out var figures))
            return figures;
        figures = await load();
        // Ten years of months; beyond that start again rather than track usage (a cache miss costs one parse).
        if (_figures.Count >= Capacity)
            _figures.Clear();
        _figures[reportId] = figures;
        return figures;
    }
}
