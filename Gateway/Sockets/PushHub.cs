using System.Collections.Concurrent;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// This gateway node's one observer (the GPSTracker pattern): grains push to it, and it hands each push
/// to the local sockets that follow that conversation or operator. It subscribes at a grain while at least
/// one local socket follows it, and renews those subscriptions before they lapse.
/// </summary>
public sealed class PushHub : IPushObserver
{
    private readonly IGrainFactory _grains;
    private readonly Lazy<IPushObserver> _reference;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ISocketSession, byte>> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ISocketSession, byte>> _operators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ISocketSession, byte>> _visitors = new(StringComparer.Ordinal);
    private readonly Lock _membership = new();

    public PushHub(IGrainFactory grains)
    {
        _grains = grains;
        _reference = new Lazy<IPushObserver>(() => grains.CreateObjectReference<IPushObserver>(this));
    }

    /// <summary>The reference grains hold to reach this node.</summary>
    public IPushObserver Reference => _reference.Value;

    public int ConversationCount => _conversations.Count;

    public void Follow(string conversationKey, ISocketSession session) => Add(_conversations, conversationKey, session);

    public void Unfollow(string conversationKey, ISocketSession session)
    {
        if (Remove(_conversations, conversationKey, session))
        {
            _grains.GetGrain<IConversationGrain>(conversationKey).Unsubscribe(Reference).Ignore();
        }
    }

    public void FollowOperator(string operatorKey, ISocketSession session) => Add(_operators, operatorKey, session);

    public void UnfollowOperator(string operatorKey, ISocketSession session)
    {
        if (Remove(_operators, operatorKey, session))
        {
            _grains.GetGrain<IOperatorGrain>(operatorKey).Unsubscribe(Reference).Ignore();
        }
    }

    public void FollowVisitor(string visitorKey, ISocketSession session) => Add(_visitors, visitorKey, session);

    /// <summary>Stops following a visitor; the grain learns the socket closed either way.</summary>
    public void UnfollowVisitor(string visitorKey, ISocketSession session)
    {
        Remove(_visitors, visitorKey, session);
        _grains.GetGrain<IVisitorGrain>(visitorKey).Disconnected().Ignore();
    }

    /// <summary>Renews every subscription this node holds; called well within the grains' subscription lifetime.</summary>
    public async Task RenewAsync()
    {
        var renewals = _conversations.Keys
            .Select(key => (Task)_grains.GetGrain<IConversationGrain>(key).Subscribe(Actor.System(GrainKeys.Parse(key).Site), Reference))
            .Concat(_operators.Keys.Select(key => (Task)_grains.GetGrain<IOperatorGrain>(key).Subscribe(Reference)))
            .Concat(_visitors.Keys.Select(key => _grains.GetGrain<IVisitorGrain>(key).Subscribe(Reference)));
        await Task.WhenAll(renewals.Select(IgnoreFailure));
    }

    public Task OnEvent(string conversationKey, ConversationEvent evt)
    {
        if (_conversations.TryGetValue(conversationKey, out var sessions))
        {
            foreach (var session in sessions.Keys)
            {
                session.OnEvent(conversationKey, evt);
            }
        }
        return Task.CompletedTask;
    }

    public Task OnSignal(ConversationSignal signal)
    {
        if (_conversations.TryGetValue(signal.ConversationKey, out var sessions))
        {
            foreach (var session in sessions.Keys)
            {
                session.OnSignal(signal);
            }
        }
        return Task.CompletedTask;
    }

    public Task OnOperatorNotice(OperatorNotice notice)
    {
        if (_operators.TryGetValue(notice.OperatorKey, out var sessions))
        {
            foreach (var session in sessions.Keys)
            {
                session.OnNotice(notice);
            }
        }
        return Task.CompletedTask;
    }

    public Task OnVisitorNotice(VisitorNotice notice)
    {
        if (_visitors.TryGetValue(notice.VisitorKey, out var sessions))
        {
            foreach (var session in sessions.Keys)
            {
                session.OnVisitorNotice(notice);
            }
        }
        return Task.CompletedTask;
    }

    private void Add(ConcurrentDictionary<string, ConcurrentDictionary<ISocketSession, byte>> map, string key, ISocketSession session)
    {
        lock (_membership)
        {
            map.GetOrAdd(key, _ => new()).TryAdd(session, 0);
        }
    }

    /// <summary>True when that was the key's last local session.</summary>
    private bool Remove(ConcurrentDictionary<string, ConcurrentDictionary<ISocketSession, byte>> map, string key, ISocketSession session)
    {
        lock (_membership)
        {
            if (!map.TryGetValue(key, out var sessions) || !sessions.TryRemove(session, out _) || !sessions.IsEmpty)
            {
                return false;
            }
            map.TryRemove(key, out _);
            return true;
        }
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task;
        }
        catch
        {
            // A conversation that can no longer be reached is renewed again next round; the socket resumes on reconnect.
        }
    }
}
