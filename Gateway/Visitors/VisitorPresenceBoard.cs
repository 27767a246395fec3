using System.Collections.Concurrent;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// Who is online on this gateway node, from its own visitor sockets: what each is looking at, kept per site. The
/// publisher sends a summary per site to the cluster every couple of seconds. A socket is known by its session.
/// </summary>
public sealed class VisitorPresenceBoard
{
    // Sites are the known ones (made-up names are refused before a socket opens), so a site's entry is kept when
    // its last visitor leaves: it then has no summary, and the publisher sends its one empty report.
    private readonly ConcurrentDictionary<string, SitePresence> _sites = new(StringComparer.Ordinal);

    public void Set(object session, string site, OnlineVisitor visitor) =>
        _sites.GetOrAdd(site, static _ => new SitePresence()).Set(session, visitor);

    public void Update(object session, string site, Func<OnlineVisitor, OnlineVisitor> change)
    {
        if (_sites.TryGetValue(site, out var presence))
        {
            presence.Update(session, change);
        }
    }

    public void Remove(object session, string site)
    {
        if (_sites.TryGetValue(site, out var presence))
        {
            presence.Remove(session);
        }
    }

    /// <summary>Per site with anyone online: how many visitors, and the <paramref name="max"/> longest-visiting (one entry per visitor).</summary>
    public IEnumerable<(string Site, int Total, IReadOnlyList<OnlineVisitor> Visitors)> Summaries(int max)
    {
        foreach (var (site, presence) in _sites)
        {
            if (presence.Summary(max) is { } summary)
            {
                yield return (site, summary.Total, summary.Visitors);
            }
        }
    }
}
