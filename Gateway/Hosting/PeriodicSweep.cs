namespace Switchboard.Gateway.Hosting;

/// <summary>
/// The loop every gateway sweep runs: one pass per interval on the one clock, a failed pass logged and the next one
/// tried as usual. A helper rather than a base class, so each sweep keeps its own primary constructor.
/// </summary>
public static class PeriodicSweep
{
    public static async Task RunAsync(
        string name, TimeSpan every, TimeProvider clock, ILogger logger, Func<CancellationToken, Task> sweep, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "The {Sweep} failed; it runs again in {Interval}", name, every);
            }
        }
    }
}
