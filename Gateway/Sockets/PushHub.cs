using System.Collections.Concurrent;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Sockets;

/// <summary>
/// This gateway node's one observer (the GPSTracker pattern): grains push to it, and it hands each push
/// to the local subscribers (sockets, relays) that follow that conversation or operator. It subscribes at a grain while at least
/// one local socket follows it, and renews those subscriptions before they lapse.
/// </summary>
public sealed class PushHub : IPushObserver
{
    private readonly IGrainFactory _grains;
    private readonly Lazy<IPushObserver> _reference;
    // Each key's local subscribers, as an array replaced whole under _membership: a push reads a snapshot without a
    // lock or an enumerator, and a key followed by one socket (most: every idle visitor) costs one small array, not a
    // concurrent set of its own (about 600 bytes each).
    private readonly ConcurrentDictionary<string, IPushSubscriber[]> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPushSubscriber[]> _operators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPushSubscriber[]> _visitors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastSeqs = new(StringComparer.Ordinal);
    private readonly Lock _membership = new();

    /// <param name="localObservers">Present when the grains run in this process (standalone): they then call this hub directly.</param>
    public PushHub(IGrainFactory grains, LocalPushObservers? localObservers = null)
    {
        _grains = grains;
        _reference = new Lazy<IPushObserver>(() =>
        {
            var reference = grains.CreateObjectReference<IPushObserver>(this);
            localObservers?.Add(reference, this);
            return reference;
        });
    }

    /// <summary>The reference grains hold to reach this node.</summary>
    public IPushObserver Reference => _reference.Value;

    public int ConversationCount => _conversations.Count;

    public void Follow(string conversationKey, IPushSubscriber session) => Add(_conversations, conversationKey, session);

    public void Unfollow(string conversationKey, IPushSubscriber session)
    {
        if (Remove(_conversations, conversationKey, session))
        {
            _lastSeqs.TryRemove(conversationKey, out _);
            UnsubscribeConversationAsync(conversationKey).Ignore();
        }
    }

    /// <summary>
    /// Unsubscribes a conversation no local socket follows. A socket may follow it again meanwhile (a page reload
    /// reconnects at once), and its subscribe can reach the grain before this unsubscribe: then the grain would
    /// drop a subscription that is wanted. So once the unsubscribe is through, a conversation followed again is
    /// subscribed again, and its sockets are handed the latest event to catch up from.
    /// </summary>
    private async Task UnsubscribeConversationAsync(string conversationKey)
    {
        await _grains.Grain<IConversationGrain>(conversationKey).Unsubscribe(Reference);
        if (_conversations.ContainsKey(conversationKey))
        {
            await RenewConversationAsync(conversationKey);
        }
    }

    public void FollowOperator(string operatorKey, IPushSubscriber session) => Add(_operators, operatorKey, session);

    public void UnfollowOperator(string operatorKey, IPushSubscriber session)
    {
        if (Remove(_operators, operatorKey, session))
        {
            UnsubscribeOperatorAsync(operatorKey).Ignore();
        }
    }

    /// <summary>As <see cref="UnsubscribeConversationAsync"/>: a console that reconnected meanwhile is subscribed again.</summary>
    private async Task UnsubscribeOperatorAsync(string operatorKey)
    {
        await _grains.Grain<IOperatorGrain>(operatorKey).Unsubscribe(Reference);
        if (_operators.ContainsKey(operatorKey))
        {
            await RenewOperatorAsync(operatorKey);
        }
    }

    public void FollowVisitor(string visitorKey, IPushSubscriber session) => Add(_visitors, visitorKey, session);

    /// <summary>Stops following a visitor; the grain learns the socket closed either way.</summary>
    public void UnfollowVisitor(string visitorKey, IPushSubscriber session)
    {
        Remove(_visitors, visitorKey, session);
        _grains.Grain<IVisitorGrain>(visitorKey).Disconnected().Ignore();
    }

    /// <summary>
    /// Renews every subscription this node holds; called well within the grains' subscription lifetime, and
    /// at once after a silo is lost. Returns how many could not be renewed.
    /// </summary>
    public async Task<int> RenewAsync()
    {
        var renewals = _conversations.Keys
            .Select(RenewConversationAsync)
            .Concat(_operators.Keys.Select(RenewOperatorAsync))
            .Concat(_visitors.Keys.Select(key => _grains.Grain<IVisitorGrain>(key).Subscribe(Reference)));
        var renewed = await Task.WhenAll(renewals.Select(Succeeded));
        return renewed.Count(ok => !ok);
    }

    private async Task RenewConversationAsync(string conversationKey)
    {
        var system = Actor.System(GrainKeys.Parse(conversationKey).Site);
        var conversation = _grains.Grain<IConversationGrain>(conversationKey);
        var snapshot = await conversation.Subscribe(system, Reference);
        if (snapshot.LastSeq > _lastSeqs.GetValueOrDefault(conversationKey))
        {
            // Events were appended that this node never had pushed (the conversation came back on another silo
            // without its subscribers). Handing the sockets the latest one lets each socket's cursor see its gap
            // and fetch exactly what it missed.
            foreach (var latest in await conversation.GetEvents(system, snapshot.LastSeq - 1, 1))
            {
                await OnEvent(conversationKey, latest);
            }
        }
    }

    private async Task RenewOperatorAsync(string operatorKey)
    {
        var snapshot = await _grains.Grain<IOperatorGrain>(operatorKey).Subscribe(Reference);
        // A chat given while this node was not subscribed (the operator came back on another silo) was announced
        // to nobody; consoles that already have a chat ignore the repeat.
        foreach (var conversationId in snapshot.Conversations)
        {
            await OnOperatorNotice(new OperatorNotice(operatorKey, NoticeTypes.Assigned, conversationId));
        }
    }

    // The last seq is kept with static lambdas, so an event costs no closure here.
    public Task OnEvent(string conversationKey, ConversationEvent evt)
    {
        if (_conversations.TryGetValue(conversationKey, out var sessions))
        {
            _lastSeqs.AddOrUpdate(conversationKey, static (_, seq) => seq, static (_, seen, seq) => Math.Max(seen, seq), evt.Seq);
            foreach (var session in sessions)
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
            foreach (var session in sessions)
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
            foreach (var session in sessions)
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
            foreach (var session in sessions)
            {
                session.OnVisitorNotice(notice);
            }
        }
        return Task.CompletedTask;
    }

    private void Add(ConcurrentDictionary<string, IPushSubscriber[]> map, string key, IPushSubscriber session)
    {
        lock (_membership)
        {
            if (!map.TryGetValue(key, out var sessions))
            {
                map[key] = [session];
            }
            else if (Array.IndexOf(sessions, session) < 0)
            {
                map[key] = [.. sessions, session];
            }
        }
    }

    /// <summary>True when that was the key's last local session.</summary>
    private bool Remove(ConcurrentDictionary<string, IPushSubscriber[]> map, string key, IPushSubscriber session)
    {
        lock (_membership)
        {
            if (!map.TryGetValue(key, out var sessions) || Array.IndexOf(sessions, session) < 0)
            {
                return false;
            }
            if (sessions.Length > 1)
            {
                map[key] = Array.FindAll(sessions, other => !Equals(other, session));
                return false;
            }
            map.TryRemove(key, out _);
            return true;
        }
    }

    private static async Task<bool> Succeeded(Task task)
    {
        try
        {
            await task;
            return true;
        }
        catch
        {
            // A conversation that can no longer be reached is renewed again next round; the socket resumes on reconnect.
            return false;
        }
    }
}
