using System.Collections.Concurrent;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// Who is online on this gateway node, from its own visitor sockets: what each is looking at. The
/// publisher sends a summary per site to the cluster every couple of seconds.
/// </summary>
public sealed class VisitorPresenceBoard
{
    private readonly ConcurrentDictionary<VisitorSession, (string Site, OnlineVisitor Visitor)> _online = new();

    public void Set(VisitorSession session, string site, OnlineVisitor visitor) => _online[session] = (site, visitor);

    public void Update(VisitorSession session, Func<OnlineVisitor, OnlineVisitor> change)
    {
        if (_online.TryGetValue(session, out var entry))
        {
            _online[session] = (entry.Site, change(entry.Visitor));
        }
    }

    public void Remove(VisitorSession session) => _online.TryRemove(session, out _);

    /// <summary>Per site: how many sockets are online, and the longest-visiting visitors (one entry per visitor).</summary>
    public IEnumerable<(string Site, int Total, IReadOnlyList<OnlineVisitor> Visitors)> Summaries(int max) =>
        _online.Values.GroupBy(e => e.Site).Select(site =>
        {
            var visitors = site.Select(e => e.Visitor).GroupBy(v => v.Id).Select(g => g.First()).ToList();
            return (site.Key, visitors.Count, (IReadOnlyList<OnlineVisitor>)visitors.OrderBy(v => v.VisitStartedAt).Take(max).ToList());
        });
}
