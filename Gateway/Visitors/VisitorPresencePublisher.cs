using Switchboard.Contracts;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>Reports this node's online visitors to each site's live list every two seconds (not per page view).</summary>
public sealed class VisitorPresencePublisher(VisitorPresenceBoard board, IGrainFactory grains, TimeProvider clock, ILogger<VisitorPresencePublisher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public const int MaxPerReport = 200;

    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly HashSet<string> _reported = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var current = board.Summaries(MaxPerReport).ToList();
                foreach (var (site, total, visitors) in current)
                {
                    await grains.Grain<ISiteVisitorsGrain>(GrainKeys.Site(site)).Report(_node, total, visitors);
                }
                // A site whose last visitor left gets one empty report, so its list empties at once.
                foreach (var site in _reported.Except(current.Select(c => c.Site)).ToList())
                {
                    await grains.Grain<ISiteVisitorsGrain>(GrainKeys.Site(site)).Report(_node, 0, []);
                    _reported.Remove(site);
                }
                _reported.UnionWith(current.Select(c => c.Site));
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Reporting online visitors failed");
            }
        }
    }
}
