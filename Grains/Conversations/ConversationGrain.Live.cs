using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Push;
using Switchboard.Domain.CoBrowsing;

namespace Switchboard.Grains.Conversations;

/// <summary>The conversation's live half: reads, subscriptions, and the signals that are pushed but never stored.</summary>
public sealed partial class ConversationGrain
{
    public async Task<IReadOnlyList<ConversationEvent>> GetEvents(Actor actor, long afterSeq, int max)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        max = Math.Clamp(max, 1, 10_000);
        var from = Math.Max(0, afterSeq);
        if (from >= _history.LastSeq)
        {
            // A socket resuming with nothing missed, the commonest read: no trip to the log.
            return [];
        }
        // The grain keeps no events (ConversationHistory): they come from the log, up to the last one applied, and the
        // log has no gaps, so that is a count. A row beyond it is a commit its caller heard fail, which the next call's
        // recovery (ConversationGrain.Recovery) takes in.
        return await log.ReadAsync(_key, from, (int)Math.Min(max, _history.LastSeq - from));
    }

    public Task<ConversationSnapshot> GetSnapshot(Actor actor)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        return Task.FromResult(Snapshot());
    }

    public Task<string?> GetHolder() =>
        Task.FromResult(_history.Status is ConversationStatus.Assigned or ConversationStatus.Active ? _history.OperatorId : null);

    public Task<ConversationSnapshot> Subscribe(Actor actor, IPushObserver subscriber)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        _subscribers.Subscribe(subscriber, subscriber);
        return Task.FromResult(Snapshot());
    }

    public Task Unsubscribe(IPushObserver subscriber)
    {
        _subscribers.Unsubscribe(subscriber);
        return Task.CompletedTask;
    }

    public Task VisitorTyping(Actor actor, string draft)
    {
        if (_history.Exists && actor.Kind == ActorKind.Visitor && actor.Site == _site && actor.Id == _history.VisitorId)
        {
            var signal = new ConversationSignal(_key, SignalTypes.VisitorTyping,
                Draft: draft.Length > MessageText.MaxLength ? draft[..MessageText.MaxLength] : draft);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    public Task VisitorUpdate(PageView? page, Cart? cart)
    {
        if (_history.Status is ConversationStatus.Assigned or ConversationStatus.Active)
        {
            var signal = new ConversationSignal(_key, SignalTypes.VisitorUpdate) { Page = page, Cart = cart };
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    public Task OperatorTyping(Actor actor)
    {
        // Typing is not an answer: it cancels neither hold messages nor the no-answer deadline.
        if (_history.Exists && actor.Kind == ActorKind.Operator && actor.Site == _site && actor.Id == _history.OperatorId)
        {
            var signal = new ConversationSignal(_key, SignalTypes.OperatorTyping);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    public Task Queued(QueuePosition position)
    {
        if (_history.Status == ConversationStatus.Queued)
        {
            _position = position;
            var signal = new ConversationSignal(_key, SignalTypes.Queued, position.Position, position.EtaSeconds);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    /// <summary>Pushes are one-way: a slow or gone gateway never holds the conversation up.</summary>
    private void Push(Func<IPushObserver, Task> send) => _subscribers.Notify(s => { send(s).Ignore(); });

    /// <summary>
    /// A stored event to every subscriber: a hub in this process by a direct call, others by a one-way message
    /// (<see cref="LocalPushObservers"/>). It runs after every append, so it uses one delegate made once per activation
    /// instead of two closures per event; <c>Notify</c> calls it synchronously, within this turn, while the field holds the event.
    /// </summary>
    private void PushStored(ConversationEvent evt)
    {
        _pushing = evt;
        _subscribers.Notify(_pushStored ??= PushStoredTo);
        _pushing = null;
    }

    private void PushStoredTo(IPushObserver subscriber)
    {
        try
        {
            localObservers.Resolve(subscriber).OnEvent(_key, _pushing!).Ignore();
        }
        catch (Exception error)
        {
            // A hub called directly throws here rather than in a message; were it to reach Notify, the hub would be
            // dropped as a dead subscriber. Its sockets find the gap and fetch the event themselves.
            logger.LogWarning(error, "A push of {Conversation} #{Seq} failed", _key, _pushing!.Seq);
        }
    }

    private ConversationEvent? _pushing;
    private Action<IPushObserver>? _pushStored;

    private ConversationSnapshot Snapshot() => new(
        _id, _history.Status, _history.LastSeq, _history.VisitorId, _history.VisitorName, _history.Queue,
        _history.OperatorId, _history.OperatorName, _history.Status == ConversationStatus.Queued ? _position : null)
    {
        Channel = _history.Channel,
        WaitingCallId = _history.WaitingCallId,
        VisitorGoneSince = _visitorGoneSince,
        CoBrowseAsked = _coBrowse.Stage == CoBrowseStage.Asked,
    };
}
