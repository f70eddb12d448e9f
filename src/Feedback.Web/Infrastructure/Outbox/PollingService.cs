namespace Feedback.Web.Infrastructure.Outbox;

/// <summary>
/// A loop that runs <see cref="RunOnceAsync"/>, then sleeps until its signal or the poll interval.
/// A failed run is logged and the loop goes on. Runs never overlap: the loop and a test calling
/// <see cref="RunOnceAsync"/> take turns.
/// </summary>
public abstract class PollingService(WorkSignal signal, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);

    protected abstract bool Enabled { get; }
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Does everything that is due now. Returns how many items it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    protected abstract Task<int> RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("{Loop} run failed ({Error}); trying again in {Interval}", GetType().Name, ex.GetType().Name, PollInterval);
                try { await Task.Delay(PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
