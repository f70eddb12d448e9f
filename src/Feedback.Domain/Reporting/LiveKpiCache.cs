using System.Collections.Concurrent;

namespace Feedback.Domain.Reporting;

/// <summary>How old live (not yet frozen) figures may be when a page shows them; zero counts on every request.</summary>
public sealed record LiveKpiOptions(TimeSpan MaxAge)
{
    public static readonly LiveKpiOptions Off = new(TimeSpan.Zero);
}

/// <summary>
/// Live months' figures, kept for <see cref="LiveKpiOptions.MaxAge"/> (a minute by default). Counting a month
/// is a dozen index range scans, and every dashboard, the public statistics and the CSV need the current month;
/// over a million cases that is too much to repeat on every request (and the public page is anonymous). Pages
/// say when the figures were counted. Frozen months come from <see cref="FrozenReportCache"/>, and freezing
/// always counts afresh. A singleton, shared by every request.
/// </summary>
public sealed class LiveKpiCache(LiveKpiOptions options, TimeProvider clock)
{
    /// <summary>Past this many entries, the expired ones are dropped (filters combine into many keys).</summary>
    private const int PruneAbove = 512;

    private readonly ConcurrentDictionary<Key, KpiSnapshot> _snapshots = new();

    private sealed record Key(ReportMonth Month, KpiFilter Filter, bool WithP90, KpiDimension? P90For);

    public async Task<KpiSnapshot> GetAsync(ReportMonth month, KpiFilter filter, bool withP90, KpiDimension? p90For, Func<Task<KpiSnapshot>> count)
    {
        if (options.MaxAge <= TimeSpan.Zero)
            return await count();
        var key = new Key(month, filter, withP90, p90For);
        var now = clock.GetUtcNow();
        if (_snapshots.TryGetValue(key, out var kept) && Fresh(kept, now))
            return kept;
        var snapshot = await count();
        if (_snapshots.Count >= PruneAbove)
            foreach (var (oldKey, old) in _snapshots)
                if (!Fresh(old, now)) _snapshots.TryRemove(oldKey, out _);
        _snapshots[key] = snapshot;
        return snapshot;
    }

    private bool Fresh(KpiSnapshot snapshot, DateTimeOffset now) => snapshot.CountedAt is { } at && now - at < options.MaxAge;
}
