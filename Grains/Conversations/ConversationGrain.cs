using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The single writer of a conversation. Its state is its event log: activation replays the log,
/// every change is an append that is durable before it is applied, acknowledged or pushed.
/// </summary>
public sealed class ConversationGrain(IEventLog log, TimeProvider clock, ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IIncomingGrainCallFilter
{
    /// <summary>Gateways re-subscribe well within this; a node that died drops out after it.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(3);

    /// <summary>
    /// While queued, the conversation reminds its queue of itself this often. Calls into a queue are one-way, and
    /// one can be lost (with the queue's silo, or dropped after waiting too long in a busy queue); a visitor must
    /// not wait forever because of it. Enqueueing is idempotent.
    /// </summary>
    public static readonly TimeSpan RequeueInterval = TimeSpan.FromSeconds(30);

    private ConversationHistory _history = new();
    private IGrainTimer? _requeue;
    private bool _historyStale;
    private readonly ObserverManager<IPushObserver> _subscribers = new(SubscriptionLifetime, logger);
    private string _site = "";
    private string _id = "";
    private QueuePosition? _position;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _id) = GrainKeys.Parse(this.GetPrimaryKeyString());
        foreach (var evt in await log.ReadAsync(this.GetPrimaryKeyString(), 0, cancellationToken))
        {
            _history.Apply(evt);
        }
        if (_history.Status == ConversationStatus.Queued)
        {
            // The queue may have lost it with a silo; enqueueing is idempotent.
            QueueGrain().Enqueue(_id, _history.StartedAt).Ignore();
            KeepQueued();
        }
    }

    /// <summary>Before every call: after a failed append, catch up with the log (the subscribers stay, unlike a reactivation).</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (_historyStale)
        {
            await ReloadHistoryAsync();
        }
        await context.Invoke();
    }

    public async Task<AppendResult> Start(StartConversation start, IPushObserver? subscriber)
    {
        if (_history.Exists)
        {
            return _history.SeqOf(start.ClientId) is { } stored
                ? new AppendResult(_id, stored)
                : throw SwitchboardException.BadRequest("The conversation has already started.");
        }
        var now = clock.GetUtcNow();
        var text = MessageText.Normalize(start.Text, required: false);
        // The start's client id goes on its last event, so a retried start is acknowledged with the same seq.
        var started = new ConversationEvent
        {
            Seq = 1, Type = EventTypes.Started, At = now, ClientId = text is null ? start.ClientId : null,
            Queue = start.Queue, VisitorId = start.VisitorId, VisitorName = start.VisitorName,
        };
        ConversationEvent[] events = text is null
            ? [started]
            : [started, VisitorMessage(2, now, start.ClientId, start.VisitorName, text)];
        if (subscriber is not null)
        {
            _subscribers.Subscribe(subscriber, subscriber);
        }
        await Append(events);
        QueueGrain().Enqueue(_id, now).Ignore();
        KeepQueued();
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task<AppendResult> Post(Actor actor, string clientId, string text)
    {
        EnsureExists();
        ConversationAccess.EnsureCanWrite(actor, _site, _history);
        if (_history.SeqOf(clientId) is { } stored)
        {
            return new AppendResult(_id, stored);
        }
        if (_history.Status == ConversationStatus.Closed)
        {
            throw SwitchboardException.BadRequest("The conversation is closed; start a new one.");
        }
        var body = MessageText.Normalize(text, required: true)!;
        var seq = _history.LastSeq + 1;
        var now = clock.GetUtcNow();
        var evt = actor.Kind == ActorKind.Visitor
            ? VisitorMessage(seq, now, clientId, _history.VisitorName, body)
            : new ConversationEvent
            {
                Seq = seq, Type = EventTypes.Message, At = now, ClientId = clientId, From = Senders.Operator,
                AuthorId = actor.Id, Author = actor.Name, Text = body, Kind = MessageKinds.Text,
            };
        await Append([evt]);
        return new AppendResult(_id, seq);
    }

    public async Task<bool> Assign(string operatorId, string operatorName)
    {
        if (_history.Status != ConversationStatus.Queued)
        {
            return false;
        }
        _position = null;
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Assigned, At = clock.GetUtcNow(),
            AuthorId = operatorId, Author = operatorName,
        }]);
        return true;
    }

    public async Task<AppendResult> Close(Actor actor)
    {
        EnsureExists();
        ConversationAccess.EnsureCanClose(actor, _site, _history);
        if (_history.Status == ConversationStatus.Closed)
        {
            return new AppendResult(_id, _history.LastSeq);
        }
        var wasQueued = _history.Status == ConversationStatus.Queued;
        var operatorId = _history.OperatorId;
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Closed, At = clock.GetUtcNow(),
            From = ConversationAccess.SenderOf(actor), AuthorId = actor.Id, Author = actor.Name,
        }]);
        if (operatorId is not null)
        {
            await GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, operatorId)).Release(_id, EventTypes.Closed);
        }
        if (wasQueued)
        {
            QueueGrain().Withdraw(_id).Ignore();
        }
        GrainFactory.GetGrain<IVisitorGrain>(GrainKeys.Visitor(_site, _history.VisitorId)).ConversationClosed(_id).Ignore();
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task<AppendResult> Rate(Actor actor, int score, string? comment)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        if (actor.Kind != ActorKind.Visitor)
        {
            throw SwitchboardException.Forbidden("Only the visitor rates a conversation.");
        }
        if (score is < 1 or > 5)
        {
            throw SwitchboardException.BadRequest("A rating is 1 to 5.");
        }
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Rated, At = clock.GetUtcNow(),
            From = Senders.Visitor, Score = score, Text = MessageText.Normalize(comment, required: false),
        }]);
        return new AppendResult(_id, _history.LastSeq);
    }

    public Task<IReadOnlyList<ConversationEvent>> GetEvents(Actor actor, long afterSeq, int max)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        return Task.FromResult(_history.After(afterSeq, Math.Clamp(max, 1, 10_000)));
    }

    public Task<ConversationSnapshot> GetSnapshot(Actor actor)
    {
        EnsureExists();
        ConversationAccess.EnsureCanRead(actor, _site, _history);
        return Task.FromResult(Snapshot());
    }

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
            var signal = new ConversationSignal(this.GetPrimaryKeyString(), SignalTypes.VisitorTyping,
                Draft: draft.Length > MessageText.MaxLength ? draft[..MessageText.MaxLength] : draft);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    public Task OperatorTyping(Actor actor)
    {
        if (_history.Exists && actor.Kind == ActorKind.Operator && actor.Site == _site && actor.Id == _history.OperatorId)
        {
            var signal = new ConversationSignal(this.GetPrimaryKeyString(), SignalTypes.OperatorTyping);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    public Task Queued(QueuePosition position)
    {
        if (_history.Status == ConversationStatus.Queued)
        {
            _position = position;
            var signal = new ConversationSignal(this.GetPrimaryKeyString(), SignalTypes.Queued, position.Position, position.EtaSeconds);
            Push(s => s.OnSignal(signal));
        }
        return Task.CompletedTask;
    }

    private async Task Append(IReadOnlyList<ConversationEvent> events)
    {
        // Durable first: nothing is applied, acknowledged or pushed that the log does not hold.
        try
        {
            await log.AppendAsync(this.GetPrimaryKeyString(), events);
        }
        catch
        {
            // The outcome may be unknown (the database went away mid-commit), so the log may hold more than this
            // activation knows: the next call replays it first (see Invoke), and a retried client id then finds
            // its stored seq instead of conflicting forever.
            _historyStale = true;
            throw;
        }
        var key = this.GetPrimaryKeyString();
        foreach (var evt in events)
        {
            _history.Apply(evt);
            Push(s => s.OnEvent(key, evt));
        }
    }

    private void KeepQueued() => _requeue ??= this.RegisterGrainTimer(Requeue, new GrainTimerCreationOptions(RequeueInterval, RequeueInterval));

    private Task Requeue()
    {
        if (_history.Status == ConversationStatus.Queued)
        {
            QueueGrain().Enqueue(_id, _history.StartedAt).Ignore();
        }
        else
        {
            _requeue?.Dispose();
            _requeue = null;
        }
        return Task.CompletedTask;
    }

    private async Task ReloadHistoryAsync()
    {
        var key = this.GetPrimaryKeyString();
        var known = _history.LastSeq;
        var events = await log.ReadAsync(key, 0);
        var history = new ConversationHistory();
        foreach (var evt in events)
        {
            history.Apply(evt);
        }
        _history = history;
        _historyStale = false;
        // A commit that landed although its caller heard it failed: nobody was told of these events yet.
        foreach (var evt in events.Where(e => e.Seq > known))
        {
            Push(s => s.OnEvent(key, evt));
        }
    }

    /// <summary>Pushes are one-way: a slow or gone gateway never holds the conversation up.</summary>
    private void Push(Func<IPushObserver, Task> send) => _subscribers.Notify(s => { send(s).Ignore(); });

    private ConversationSnapshot Snapshot() => new(
        _id, _history.Status, _history.LastSeq, _history.VisitorId, _history.VisitorName, _history.Queue,
        _history.OperatorId, _history.OperatorName, _history.Status == ConversationStatus.Queued ? _position : null);

    private static ConversationEvent VisitorMessage(long seq, DateTimeOffset at, string? clientId, string? visitorName, string text) => new()
    {
        Seq = seq, Type = EventTypes.Message, At = at, ClientId = clientId, From = Senders.Visitor,
        Author = visitorName, Text = text, Kind = MessageKinds.Text,
    };

    private void EnsureExists()
    {
        if (!_history.Exists)
        {
            throw SwitchboardException.NotFound("No such conversation.");
        }
    }

    private IQueueGrain QueueGrain() => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(_site, _history.Queue));
}
