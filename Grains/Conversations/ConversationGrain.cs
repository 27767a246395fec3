using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Utilities;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Push;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains.Sites;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The single writer of a conversation. Its state is its event log: activation replays the log, every
/// change is an append that is durable before it is applied, acknowledged or pushed. Its deadlines (hold
/// messages, no-answer, inactivity) are computed from the log, so they are re-armed after any crash; a
/// reminder wakes the grain on another silo if the one holding it dies.
/// </summary>
public sealed partial class ConversationGrain(
    IEventLog log,
    IOptions<RoutingDefaults> defaults,
    TimeProvider clock,
    SwitchboardMetrics metrics,
    ILogger<ConversationGrain> logger)
    : Grain, IConversationGrain, IRemindable, IIncomingGrainCallFilter
{
    /// <summary>Gateways re-subscribe well within this; a node that died drops out after it.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(3);
    public const string DeadlineReminder = "deadlines";

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
    private string _key = "";
    private QueuePosition? _position;
    private SiteConfigCache _config = null!;
    private IGrainTimer? _deadlineTimer;
    private DateTimeOffset? _armedFor;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        (_site, _id) = GrainKeys.Parse(_key);
        _config = new SiteConfigCache(GrainFactory, _site, clock, TimeSpan.FromSeconds(defaults.Value.ConfigRefreshSeconds));
        foreach (var evt in await log.ReadAsync(_key, 0, cancellationToken))
        {
            _history.Apply(evt);
        }
        if (_history.Status == ConversationStatus.Queued)
        {
            // The queue may have lost it with a silo; enqueueing is idempotent.
            Enqueue(_history.Queue);
        }
        if (_history.Exists)
        {
            await ArmDeadlines();
        }
    }

    public async Task<AppendResult> Start(StartConversation start, IPushObserver? subscriber)
    {
        if (_history.Exists)
        {
            if (_history.SeqOf(start.ClientId) is not { } stored)
            {
                throw SwitchboardException.BadRequest("The conversation has already started.");
            }
            if (_history.Status == ConversationStatus.Queued)
            {
                // The first attempt may have failed between storing the start and enqueueing it; enqueueing is idempotent.
                Enqueue(_history.Queue, start.PreferredOperator);
            }
            return new AppendResult(_id, stored);
        }
        var now = clock.GetUtcNow();
        var text = MessageText.Normalize(start.Text, required: false);
        var events = new List<ConversationEvent>
        {
            new()
            {
                Seq = 1, Type = EventTypes.Started, At = now, Queue = start.Queue, VisitorId = start.VisitorId,
                VisitorName = start.VisitorName, Form = start.Form, Language = start.Language, Reason = start.InvitationRule,
                Priority = start.Priority == 0 ? null : start.Priority,
            },
        };
        if (start.InvitationText is { } invitation)
        {
            events.Add(new ConversationEvent
            {
                Seq = 2, Type = EventTypes.Message, At = now, From = Senders.System, Kind = MessageKinds.Invite,
                Text = invitation, Reason = start.InvitationRule,
            });
        }
        if (text is not null)
        {
            events.Add(VisitorMessage(events.Count + 1, now, clientId: null, start.VisitorName, text));
        }
        // The start's client id goes on its last event, so a retried start is acknowledged with the same seq.
        events[^1] = events[^1] with { ClientId = start.ClientId };
        if (subscriber is not null)
        {
            _subscribers.Subscribe(subscriber, subscriber);
        }
        await Append(events);
        Enqueue(start.Queue, start.PreferredOperator);
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task<AppendResult> Post(Actor actor, string clientId, string text, IReadOnlyList<string>? quickReplies = null)
    {
        if (RetriedSend(actor, clientId) is { } stored)
        {
            return stored;
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
                QuickReplies = QuickReplyButtons.Normalize(quickReplies),
            };
        var firstAnswer = evt.From == Senders.Operator && _history.FirstAnswerAt is null;
        await Append([evt]);
        if (firstAnswer)
        {
            var firstResponse = now - _history.StartedAt;
            QueueGrain(_history.Queue).Answered(firstResponse).Ignore();
            Operator(actor.Id).Answered(firstResponse).Ignore();
        }
        return new AppendResult(_id, seq);
    }

    public async Task<bool> Assign(string operatorId, string operatorName, string reason)
    {
        if (_history.OperatorId == operatorId && _history.Status is ConversationStatus.Assigned or ConversationStatus.Active)
        {
            // A retried offer whose first answer was lost: it is already theirs.
            return true;
        }
        if (_history.Status != ConversationStatus.Queued)
        {
            return false;
        }
        _position = null;
        var queuedAt = _history.QueuedAt;
        await Append([Assigned(operatorId, operatorName, reason)]);
        metrics.Assigned(clock.GetUtcNow() - queuedAt);
        Visitor().Served(operatorId).Ignore();
        return true;
    }

    public async Task<AppendResult> AddNote(Actor actor, string clientId, string text)
    {
        EnsureExists();
        ConversationAccess.EnsureCanHandle(actor, _site, _history);
        if (_history.SeqOf(clientId) is { } stored)
        {
            return new AppendResult(_id, stored);
        }
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Note, At = clock.GetUtcNow(), ClientId = clientId,
            From = Senders.Operator, AuthorId = actor.Id, Author = actor.Name, Text = MessageText.Normalize(text, required: true),
        }]);
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task<AppendResult> Close(Actor actor, IReadOnlyList<string>? tags = null)
    {
        EnsureExists();
        ConversationAccess.EnsureCanClose(actor, _site, _history);
        var chosenTags = actor.Kind is ActorKind.Operator or ActorKind.Supervisor && tags is { Count: > 0 }
            ? CloseTags.Validate(tags, (await _config.Get()).Tags)
            : null;
        if (_history.Status == ConversationStatus.Closed)
        {
            if (_history.OperatorId is { } holder)
            {
                // A retried close: the first one's release may be what failed, and releasing is idempotent.
                await FreeSeat(holder, UnassignReasons.Closed);
            }
            return new AppendResult(_id, _history.LastSeq);
        }
        var wasQueued = _history.Status == ConversationStatus.Queued;
        var (operatorId, assignedAt, firstAnswerAt) = (_history.OperatorId, _history.AssignedAt, _history.FirstAnswerAt);
        var now = clock.GetUtcNow();
        if (firstAnswerAt is null && now - _history.StartedAt > TimeSpan.FromSeconds((await _config.Get()).Monitor.ServiceLevelSeconds))
        {
            // It waited past the service-level threshold and never got an answer: it counts against the service level.
            QueueGrain(_history.Queue).Unanswered().Ignore();
        }
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Closed, At = now,
            From = ConversationAccess.SenderOf(actor), AuthorId = actor.Id, Author = actor.Name, Tags = chosenTags,
        }]);
        // The close is stored: what follows tells the others, and none of it may fail the close or skip the rest.
        Visitor().ConversationClosed(_id).Ignore();
        if (wasQueued)
        {
            QueueGrain(_history.Queue).Withdraw(_id).Ignore();
        }
        if (operatorId is not null)
        {
            QueueGrain(_history.Queue).Handled(now - assignedAt!.Value, firstAnswerAt - assignedAt).Ignore();
            await FreeSeat(operatorId, UnassignReasons.Closed);
        }
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
        var firstRating = _history.Events.All(e => e.Type != EventTypes.Rated);
        await Append([new ConversationEvent
        {
            Seq = _history.LastSeq + 1, Type = EventTypes.Rated, At = clock.GetUtcNow(),
            From = Senders.Visitor, Score = score, Text = MessageText.Normalize(comment, required: false),
        }]);
        if (firstRating)
        {
            // A visitor may change their rating; the day's figures count each chat once.
            QueueGrain(_history.Queue).Rated(score).Ignore();
            if (_history.OperatorId is { } rated)
            {
                Operator(rated).Rated(score, MessageText.Normalize(comment, required: false), _id).Ignore();
            }
        }
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

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        // The reminder's only job is to bring the grain back after a crash; activation re-armed the deadlines.
        _history.Exists ? OnDeadline() : Task.CompletedTask;

    private async Task Append(IReadOnlyList<ConversationEvent> events)
    {
        // Durable first: nothing is applied, acknowledged or pushed that the log does not hold.
        try
        {
            await log.AppendAsync(_key, events);
        }
        catch
        {
            // The outcome may be unknown (the database went away mid-commit), so the log may hold more than this
            // activation knows: the next call replays it first (see Invoke), and a retried client id then finds
            // its stored seq instead of conflicting forever.
            _historyStale = true;
            throw;
        }
        foreach (var evt in events)
        {
            _history.Apply(evt);
            Push(s => s.OnEvent(_key, evt));
            if (evt.Type == EventTypes.Message)
            {
                metrics.MessageStored(evt.From ?? Senders.System);
            }
        }
        await ArmDeadlines();
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

    private ConversationEvent Assigned(string operatorId, string operatorName, string reason) => new()
    {
        Seq = _history.LastSeq + 1, Type = EventTypes.Assigned, At = clock.GetUtcNow(),
        AuthorId = operatorId, Author = operatorName, Reason = reason,
    };

    /// <summary>Checks a send from <paramref name="actor"/>; the original acknowledgement when its client id was already stored.</summary>
    private AppendResult? RetriedSend(Actor actor, string clientId)
    {
        EnsureExists();
        ConversationAccess.EnsureCanWrite(actor, _site, _history);
        return _history.SeqOf(clientId) is { } stored ? new AppendResult(_id, stored) : null;
    }

    private void EnsureExists()
    {
        if (!_history.Exists)
        {
            throw SwitchboardException.NotFound("No such conversation.");
        }
    }

    /// <summary>Puts the chat in a queue (idempotently) and keeps reminding the queue while it waits.</summary>
    private void Enqueue(string queue, string? preferredOperator = null)
    {
        QueueGrain(queue).Enqueue(new QueueEntry(_id, _history.StartedAt, preferredOperator, _history.MissedBy.ToList())
        {
            Priority = _history.Priority, Round = _history.QueuedAtSeq,
        }).Ignore();
        KeepQueued();
    }

    /// <summary>
    /// Gives an operator's seat back after a stored change took the chat from them. A failure is logged, not thrown:
    /// the change is durable, and the operator grain's own audit frees a seat no chat uses (<see cref="Operators.OperatorGrain"/>).
    /// </summary>
    private async Task FreeSeat(string operatorId, string reason)
    {
        try
        {
            await Operator(operatorId).Release(_id, reason);
        }
        catch (Exception error) when (error is not SwitchboardException)
        {
            logger.LogWarning(error, "Could not free {Operator}'s seat for conversation {Conversation}; their audit will", operatorId, _key);
        }
    }

    private IQueueGrain QueueGrain(string queue) => GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(_site, queue));

    private IOperatorGrain Operator(string login) => GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, login));

    private IVisitorGrain Visitor() => GrainFactory.GetGrain<IVisitorGrain>(GrainKeys.Visitor(_site, _history.VisitorId));

    private async Task<QueueSettings> Settings() =>
        QueueSettings.Resolve((await _config.Get()).FindQueue(_history.Queue), defaults.Value, _history.Language);
}
