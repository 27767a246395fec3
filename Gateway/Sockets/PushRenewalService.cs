namespace Switchboard.Gateway.Sockets;

/// <summary>Renews the node's grain subscriptions every minute (grains drop a subscriber after three).</summary>
public sealed class PushRenewalService(PushHub hub, TimeProvider clock, ILogger<PushRenewalService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await hub.RenewAsync();
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Renewing push subscriptions failed");
            }
        }
    }
}
