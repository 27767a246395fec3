using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Watches the cluster's active silos and asks for a push resync when one leaves. Losing a connection (see
/// <see cref="SiloLossObserver"/>) is the early hint, but a gateway need not be connected to every silo, and
/// grains can only come back elsewhere once the cluster has declared their silo dead: this sees exactly that.
/// </summary>
public sealed class MembershipWatcher(IGrainFactory grains, PushResync resync, TimeProvider clock, ILogger<MembershipWatcher> logger) : BackgroundService
{
    /// <summary>One cheap call per gateway; small against the seconds membership takes to declare a silo dead.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = new HashSet<SiloAddress>();
        using var timer = new PeriodicTimer(PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                var active = hosts.Keys.ToHashSet();
                var gone = known.Where(silo => !active.Contains(silo)).ToList();
                if (gone.Count > 0)
                {
                    logger.LogWarning("Silos left the cluster: {Silos}", string.Join(", ", gone));
                    resync.Request();
                }
                known = active;
            }
            catch (Exception error)
            {
                // The cluster is unreachable for a moment: readiness reports it; the next poll tries again.
                logger.LogDebug(error, "Could not read the cluster's silos");
            }
        }
    }
}
