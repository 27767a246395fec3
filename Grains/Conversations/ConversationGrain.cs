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
using Switchboard.Contracts.Webhooks;
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
    Contracts.Help.IOrderStatusPort orders,
    Contracts.Push.LocalPushObservers localObservers,
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
    /// <summary>Whether the deadline reminder should be registered once <see cref="_reminderChange"/> is done.</summary>
    private bool _reminderWanted;
    private Task _reminderChange = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        (_site, _id) = GrainKeys.Parse(_key);
        _config = new SiteConfigCache(ServiceProvider, _site);
        foreach (var evt in await log.ReadAsync(_key, 0, cancellationToken: cancellationToken))
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
            await ResumeRelays();
            await TellWebhooks(WebhookEvents.All);
        }
    }

    /// <summary>The last change of the deadline reminder is made before the grain goes (it runs behind the calls).</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _reminderChange;

    public async Task<AppendResult> Start(StartConversation start, IPushObserver? subscriber)
    {
        if (_history.Exists)
        {
            if (await StoredSeqOf(start.ClientId) is not { } stored)
            {
                throw SwitchboardException.BadRequest("The conversation has already started.");
            }
            if (_history.Status == ConversationStatus.Queued)
            {
                // The first attempt may have failed between storing the start and enqueueing it; enqueueing is idempotent.
                Enqueue(_history.Queue, start.PreferredOperator);
            }
            else if (_history is { Status: ConversationStatus.Assigned, OperatorId: { } holder })
            {
                // It may have failed between storing a direct assignment and confirming the seat; confirming is idempotent.
                Operator(holder).Confirm(_id).Ignore();
            }
            return new AppendResult(_id, stored);
        }
        var now = clock.GetUtcNow();
        var text = MessageText.Normalize(start.Text, required: false);
        var events = new List<ConversationEvent> { ConversationEvents.Started(1, now, start) };
        if (start.InvitationText is { } invitation)
        {
            events.Add(ConversationEvents.SystemMessage(2, now, MessageKinds.Invite, invitation, start.InvitationRule));
        }
        var attachments = MessageAttachments.Validate(start.Attachments);
        if (text is not null || attachments is not null)
        {
            events.Add(ConversationEvents.VisitorMessage(events.Count + 1, now, clientId: null, start.VisitorName, text, attachments));
        }
        // The start's client id goes on its last event, so a retried start is acknowledged with the same seq.
        events[^1] = events[^1] with { ClientId = start.ClientId };
        var started = new AppendResult(_id, events[^1].Seq);
        if (subscriber is not null)
        {
            _subscribers.Subscribe(subscriber, subscriber);
        }
        if (await ClaimOperator(start, now) is { } direct)
        {
            events.Add(ConversationEvents.Assigned(events.Count + 1, now, direct.OperatorId, direct.OperatorName, direct.Reason));
            await AppendAssigned(events, direct);
            return started;
        }
        // Queued the moment the start is stored: routing need not wait for the deadline reminder's write.
        await Append(events, whenStored: () => Enqueue(start.Queue, start.PreferredOperator));
        await GreetWhileWaiting();
        if (text is not null)
        {
            await HelpWhileWaiting(text);
        }
        return started;
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
        if (await StoredSeqOf(clientId) is { } stored)
        {
            return new AppendResult(_id, stored);
        }
        await Append([ConversationEvents.Note(_history.LastSeq + 1, clock.GetUtcNow(), actor, clientId, MessageText.Normalize(text, required: true)!)]);
        return new AppendResult(_id, _history.LastSeq);
    }

    public Task<AppendResult> Close(Actor actor, IReadOnlyList<string>? tags = null) => Close(actor, tags, reason: null);

    private async Task<AppendResult> Close(Actor actor, IReadOnlyList<string>? tags, string? reason)
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
        if (wasQueued && actor.Kind == ActorKind.Visitor && _history.BotHelped && !_history.PersonRequested)
        {
            // The bot's answer was enough: the visitor leaves before any operator joined.
            reason ??= CloseReasons.SelfServed;
        }
        var (operatorId, assignedAt, firstAnswerAt) = (_history.OperatorId, _history.AssignedAt, _history.FirstAnswerAt);
        var now = clock.GetUtcNow();
        if (firstAnswerAt is null && reason != CloseReasons.SelfServed
            && now - _history.StartedAt > TimeSpan.FromSeconds((await _config.Get()).Monitor.ServiceLevelSeconds))
        {
            // It waited past the service-level threshold and never got an answer: it counts against the service level
            // (unless the bot's answer was enough for the visitor).
            QueueGrain(_history.Queue).Unanswered(_history.Channel).Ignore();
        }
        await Append([ConversationEvents.Closed(_history.LastSeq + 1, now, ConversationAccess.SenderOf(actor), actor, chosenTags, reason)]);
        // The close is stored: what follows tells the others, and none of it may fail the close or skip the rest.
        Visitor().ConversationClosed(_id).Ignore();
        if (wasQueued)
        {
            QueueGrain(_history.Queue).Withdraw(_id).Ignore();
        }
        if (reason is not null)
        {
            QueueGrain(_history.Queue).Ended(_history.Channel, reason).Ignore();
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
        var (previous, previousAt) = (_history.Rating, _history.RatedAt);
        var text = MessageText.Normalize(comment, required: false);
        await Append([ConversationEvents.Rated(_history.LastSeq + 1, clock.GetUtcNow(), score, text)]);
        // A visitor may change their rating: the figures count each chat once, with its latest score.
        var rated = _history.OperatorId;
        if (previous is { } earlier && previousAt is { } earlierAt)
        {
            QueueGrain(_history.Queue).Rerated(earlier, earlierAt, score).Ignore();
            if (rated is not null)
            {
                Operator(rated).Rerated(earlier, earlierAt, score, text, _id).Ignore();
            }
        }
        else
        {
            QueueGrain(_history.Queue).Rated(score).Ignore();
            if (rated is not null)
            {
                Operator(rated).Rated(score, text, _id).Ignore();
            }
        }
        return new AppendResult(_id, _history.LastSeq);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        // The reminder's only job is to bring the grain back after a crash; activation re-armed the deadlines.
        _history.Exists ? OnDeadline() : Task.CompletedTask;
}
