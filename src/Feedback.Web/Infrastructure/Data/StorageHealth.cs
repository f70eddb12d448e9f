using Feedback.Web.Infrastructure.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Whether the data folder can take writes: /healthz says degraded (still 200: reads are served) when its file
/// system has less than <c>Storage:MinFreeMegabytes</c> (default 100) free, or when a write failed for lack of
/// space in the last five minutes.
/// </summary>
public sealed class StorageHealth(FeedbackPaths paths, IConfiguration configuration, TimeProvider clock)
{
    public const string RetryAfterSeconds = "300";
    private static readonly TimeSpan RememberFailureFor = TimeSpan.FromMinutes(5);

    private readonly long _minFreeBytes = configuration.GetValue("Storage:MinFreeMegabytes", 100L) * 1024 * 1024;
    private long _lastFullTicks;

    public void RecordFull() => Interlocked.Exchange(ref _lastFullTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>Null when all is well; otherwise why not (for the health report and the log).</summary>
    public string? Problem()
    {
        var lastFull = Interlocked.Read(ref _lastFullTicks);
        if (lastFull != 0 && clock.GetUtcNow().UtcTicks - lastFull < RememberFailureFor.Ticks)
            return "a write failed because the disk is full";
        var free = FreeBytes();
        return free is { } bytes && bytes < _minFreeBytes ? $"{bytes / 1024 / 1024} MB free in the data folder" : null;
    }

    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(paths.DataPath)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

public sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage.Problem() is { } problem ? HealthCheckResult.Degraded(problem) : HealthCheckResult.Healthy());
}
