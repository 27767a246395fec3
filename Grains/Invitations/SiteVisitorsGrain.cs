using Switchboard.Contracts.Invitations;

namespace Switchboard.Grains.Invitations;

/// <summary>
/// Merges the gateway nodes' reports of who is online. A node that stops reporting (it died) drops out after
/// <see cref="ReportLifetime"/>, so the list never shows visitors nobody holds a socket for.
/// </summary>
public sealed class SiteVisitorsGrain(TimeProvider clock) : Grain, ISiteVisitorsGrain
{
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (DateTimeOffset At, int Total, IReadOnlyList<OnlineVisitor> Visitors)> _nodes = new(StringComparer.Ordinal);

    public Task Report(string node, int total, IReadOnlyList<OnlineVisitor> visitors)
    {
        _nodes[node] = (clock.GetUtcNow(), total, visitors);
        return Task.CompletedTask;
    }

    public Task<(int Total, IReadOnlyList<OnlineVisitor> Visitors)> GetOnline(int max)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _nodes.Where(n => now - n.Value.At > ReportLifetime).Select(n => n.Key).ToList())
        {
            _nodes.Remove(stale);
        }
        IReadOnlyList<OnlineVisitor> merged = _nodes.Values.SelectMany(n => n.Visitors)
            .OrderBy(v => v.VisitStartedAt)
            .Take(max)
            .ToList();
        return Task.FromResult((_nodes.Values.Sum(n => n.Total), merged));
    }
}
