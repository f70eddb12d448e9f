using System.Collections.Concurrent;

namespace Feedback.Web.Infrastructure.Security;

/// <summary>A budget of failures: at most <see cref="Limit"/> within <see cref="Window"/> for one key.</summary>
public sealed record FailureBudget(string Name, int Limit, TimeSpan Window);

/// <summary>
/// Counts failed guesses (wrong passwords, codes, PINs) per key — an account, an address, a tracking number —
/// and says when a key has used up its budget. Only failures count, so people who get it right are never
/// slowed down, and an unknown account or case is counted exactly like a real one (the answer never tells
/// them apart). Kept in memory: the app runs as one process (SQLite), and a restart forgetting the counts
/// costs an attacker's budget only one window.
/// </summary>
public sealed class FailureThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>
    /// Takes one guess from the key's budget, counted as a failure until <see cref="Refund"/> says it was
    /// right — so that many guesses sent at once cannot all pass the check before any of them has failed.
    /// Returns null when taken, or when the key may be tried again.
    /// </summary>
    public DateTimeOffset? TryTake(FailureBudget budget, string key)
    {
        var now = clock.GetUtcNow();
        SweepNowAndThen(now);
        var window = _windows.GetOrAdd(Key(budget, key), _ => new Window());
        lock (window)
        {
            if (window.Ends <= now)
            {
                window.Ends = now + budget.Window;
                window.Failures = 0;
            }
            if (window.Failures >= budget.Limit) return window.Ends;
            window.Failures++;
            return null;
        }
    }

    /// <summary>Gives back a guess that turned out right.</summary>
    public void Refund(FailureBudget budget, string key)
    {
        if (!_windows.TryGetValue(Key(budget, key), out var window)) return;
        lock (window)
            if (window.Failures > 0) window.Failures--;
    }

    /// <summary>Forgets a key's failures (after a success, for budgets where that is safe).</summary>
    public void Reset(FailureBudget budget, string key) => _windows.TryRemove(Key(budget, key), out _);

    private static string Key(FailureBudget budget, string key) => $"{budget.Name}\n{key}";

    /// <summary>Drops ended windows once a minute so that guessing many keys cannot fill the memory.</summary>
    private void SweepNowAndThen(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
            return;
        foreach (var (key, window) in _windows)
            if (window.Ends <= now)
                _windows.TryRemove(key, out _);
    }

    private sealed class Window
    {
        public DateTimeOffset Ends;
        public int Failures;
    }
}
