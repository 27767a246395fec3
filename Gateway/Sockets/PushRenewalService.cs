namespace Switchboard.Gateway.Sockets;

/// <summary>
/// Renews the node's grain subscriptions every minute (grains drop a subscriber after three), and at once when
/// the node loses a silo: then it repeats every second, for up to <see cref="RetryWindow"/>, until every
/// subscription is renewed, because until the cluster declares the silo dead its grains cannot be reached.
/// </summary>
public sealed class PushRenewalService(PushHub hub, PushResync resync, TimeProvider clock, ILogger<PushRenewalService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryUntil = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var retrying = clock.GetUtcNow() < retryUntil;
            if (await resync.WaitAsync(retrying ? RetryInterval : Interval, clock, stoppingToken))
            {
                logger.LogInformation("Silo connections changed; renewing push subscriptions");
                retryUntil = clock.GetUtcNow() + RetryWindow;
            }
            try
            {
                var failed = await hub.RenewAsync();
                if (failed == 0)
                {
                    retryUntil = DateTimeOffset.MinValue;
                }
                else if (clock.GetUtcNow() < retryUntil)
                {
                    logger.LogDebug("{Count} push subscriptions could not be renewed yet", failed);
                }
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Renewing push subscriptions failed");
            }
        }
    }
}
