using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Conversations;

/// <summary>The conversation's plumbing: the durable append, the events it builds, its checks, and the grains it calls.</summary>
public sealed partial class ConversationGrain
{
    /// <param name="whenStored">Runs as soon as the events are durable and applied, before the append's follow-up work
    /// (relays, webhooks, the deadline reminder's write), so what waits on the store does not wait on those.</param>
    private async Task Append(IReadOnlyList<ConversationEvent> events, Action? whenStored = null)
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
            EndCoBrowsingOn(evt);
            _history.Apply(evt);
            PushStored(evt);
            if (evt.Type == EventTypes.Message)
            {
                metrics.MessageStored(evt.From ?? Senders.System);
            }
        }
        whenStored?.Invoke();
        await RelayStored(events);
        TellAbsentVisitor(events);
        await TellWebhooks(events);
        await ArmDeadlines();
    }

    private ConversationEvent Assigned(string operatorId, string operatorName, string reason) =>
        ConversationEvents.Assigned(_history.LastSeq + 1, clock.GetUtcNow(), operatorId, operatorName, reason);

    /// <summary>Checks a send from <paramref name="actor"/>; the original acknowledgement when its client id was already stored.</summary>
    private async Task<AppendResult?> RetriedSend(Actor actor, string clientId)
    {
        EnsureExists();
        ConversationAccess.EnsureCanWrite(actor, _site, _history);
        return await StoredSeqOf(clientId) is { } stored ? new AppendResult(_id, stored) : null;
    }

    /// <summary>
    /// The seq at which <paramref name="clientId"/>'s send was stored, or null for a new send. The history knows its
    /// client ids by hash only (<see cref="ConversationHistory.CandidateSeqOf"/>); the event it names is read to tell a
    /// retry from another id of the same hash.
    /// </summary>
    private async Task<long?> StoredSeqOf(string clientId)
    {
        if (_history.CandidateSeqOf(clientId) is not { } seq)
        {
            return null;
        }
        var stored = await log.ReadAsync(_key, seq - 1, 1);
        return stored is [{ } evt] && evt.ClientId == clientId ? seq : null;
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
        QueueGrain(queue).Enqueue(QueueEntry(preferredOperator)).Ignore();
        KeepQueued();
    }

    public Task<QueueEntry?> GetQueueEntry() =>
        Task.FromResult(_history.Status == ConversationStatus.Queued ? QueueEntry(preferredOperator: null) : null);

    private QueueEntry QueueEntry(string? preferredOperator) =>
        new(_id, _history.StartedAt, preferredOperator, _history.MissedBy.ToList())
        {
            Priority = _history.Priority, Round = _history.QueuedAtSeq, Channel = _history.Channel,
        };

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

    private IQueueGrain QueueGrain(string queue) => GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, queue));

    private IOperatorGrain Operator(string login) => GrainFactory.Grain<IOperatorGrain>(GrainKeys.Operator(_site, login));

    private IVisitorGrain Visitor() => GrainFactory.Grain<IVisitorGrain>(GrainKeys.Visitor(_site, _history.VisitorId));

    /// <summary>
    /// The queue's settings for this chat. Asked after every append (the deadlines), so they are resolved again only
    /// when the site's configuration was read again (a new object: compared by reference, not by value) or the chat's
    /// queue or language changed.
    /// </summary>
    private async Task<QueueSettings> Settings()
    {
        var config = await _config.Get();
        if (_settings is not { } known || !ReferenceEquals(known.Config, config) || known.Queue != _history.Queue || known.Language != _history.Language)
        {
            known = new ResolvedSettings(config, _history.Queue, _history.Language,
                QueueSettings.Resolve(config.FindQueue(_history.Queue), defaults.Value, _history.Language));
            _settings = known;
        }
        return known.Settings;
    }

    private ResolvedSettings? _settings;

    private sealed record ResolvedSettings(SiteConfig Config, string Queue, string? Language, QueueSettings Settings);
}
