using Switchboard.Contracts.Invitations;

namespace Switchboard.Gateway.Visitors;

/// <summary>
/// One site's online visitor sockets on this node. Its summary is counted in one pass with collections kept from
/// one summary to the next: grouping every socket afresh (the board's first form) made about a megabyte of garbage
/// per summary for 15,000 idle visitors, every two seconds (docs/benchmarks.md, 2026-12-06 12:00). A socket is
/// known by its session object's identity.
/// </summary>
public sealed class SitePresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<object, OnlineVisitor> _sockets = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    // The longest-visiting so far, the latest start on top: it is the one a still earlier visitor replaces.
    private readonly PriorityQueue<OnlineVisitor, DateTimeOffset> _longest = new(Comparer<DateTimeOffset>.Create(static (a, b) => b.CompareTo(a)));

    public void Set(object session, OnlineVisitor visitor)
    {
        lock (_lock)
        {
            _sockets[session] = visitor;
        }
    }

    public void Update(object session, Func<OnlineVisitor, OnlineVisitor> change)
    {
        lock (_lock)
        {
            if (_sockets.TryGetValue(session, out var visitor))
            {
                _sockets[session] = change(visitor);
            }
        }
    }

    public void Remove(object session)
    {
        lock (_lock)
        {
            _sockets.Remove(session);
        }
    }

    /// <summary>How many visitors (a visitor with two tabs open counts once), and the <paramref name="max"/> longest-visiting, earliest first; null when nobody is online.</summary>
    public (int Total, IReadOnlyList<OnlineVisitor> Visitors)? Summary(int max)
    {
        lock (_lock)
        {
            if (_sockets.Count == 0)
            {
                return null;
            }
            _counted.Clear();
            _longest.Clear();
            foreach (var visitor in _sockets.Values)
            {
                if (!_counted.Add(visitor.Id))
                {
                    continue;
                }
                if (_longest.Count < max)
                {
                    _longest.Enqueue(visitor, visitor.VisitStartedAt);
                }
                else
                {
                    _longest.EnqueueDequeue(visitor, visitor.VisitStartedAt);
                }
            }
            var longest = new OnlineVisitor[_longest.Count];
            for (var i = longest.Length - 1; i >= 0; i--)
            {
                longest[i] = _longest.Dequeue();
            }
            return (_counted.Count, longest);
        }
    }
}
