using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Sites;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Queues;

/// <summary>
/// Assigns waiting conversations, oldest first, to operators with free capacity; tells each waiting visitor
/// their place and the estimated wait; overflows honestly. Non-reentrant, so decisions are serial; the
/// operator grain has the last word on capacity (<see cref="IOperatorGrain.TryReserve"/>), so an operator
/// serving several queues is never overfilled.
/// </summary>
public sealed class QueueGrain(
    [PersistentState(StorageNames.QueueState, StorageNames.Provider)] IPersistentState<QueueState> state,
    IOptions<RoutingDefaults> defaults,
    TimeProvider clock,
    SwitchboardMetrics metrics)
    : Grain, IQueueGrain
{
    private readonly Dictionary<string, QueuePosition> _published = [];
    private RecentAssignments _assigned = null!;
    private string _site = "";
    private string _queueId = "";
    private SiteConfigCache _config = null!;
    private IGrainTimer? _overflowCheck;
    private IGrainTimer? _pendingWrite;
    /// <summary>The site configuration the roster was last synced with.</summary>
    private SiteConfig? _rosterFrom;

    private QueueState Queue => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _queueId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _assigned = new RecentAssignments(clock);
        _config = new SiteConfigCache(GrainFactory, _site, clock, TimeSpan.FromSeconds(defaults.Value.ConfigRefreshSeconds));
        // The stored roster may be a second old (it is written behind): ask the operators themselves, then route.
        this.RegisterGrainTimer(RefreshRosterAndRoute, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    private async Task RefreshRosterAndRoute()
    {
        await SyncRoster(everyone: true);
        await Route();
    }

    /// <summary>
    /// Keeps the roster to the site's accounts for this queue. Operators taken out of the queue (or off the site)
    /// leave it, so they are offered none of its chats; operators added to it are asked what they can take, since
    /// they announce themselves only to the queues they served at their last change. With <paramref name="everyone"/>
    /// (on activation: the stored roster is written behind) every operator is asked.
    /// </summary>
    private async Task SyncRoster(bool everyone)
    {
        var site = await _config.Get();
        if (!everyone && ReferenceEquals(site, _rosterFrom))
        {
            return;
        }
        _rosterFrom = site;
        var accounts = site.Operators.Where(o => o.Queues.Contains(_queueId)).ToList();
        foreach (var gone in Queue.Roster.Keys.Where(id => accounts.All(a => a.Login != id)).ToList())
        {
            Queue.Roster.Remove(gone);
        }
        var ask = everyone ? accounts : accounts.Where(a => !Queue.Roster.ContainsKey(a.Login)).ToList();
        foreach (var snapshot in await Task.WhenAll(ask.Select(a => SnapshotOf(a.Login))))
        {
            if (snapshot is null)
            {
                continue;
            }
            var idleSince = Queue.Roster.TryGetValue(snapshot.Id, out var known) ? known.IdleSince : clock.GetUtcNow();
            Queue.Roster[snapshot.Id] = new OperatorAvailability(snapshot.Id, snapshot.Name, snapshot.Status, snapshot.Capacity, snapshot.Conversations.Count, idleSince);
        }
    }

    /// <summary>An operator's snapshot, or null when it cannot be had now (they announce themselves on their next change).</summary>
    private async Task<OperatorSnapshot?> SnapshotOf(string login)
    {
        try
        {
            return await GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, login)).GetSnapshot();
        }
        catch (Exception error) when (error is TimeoutException or OrleansException or SwitchboardException)
        {
            return null;
        }
    }

    /// <summary>
    /// The queue's state is written behind, at most once a <see cref="WriteBehind"/>: every routing decision stays
    /// off the disk's path. Nothing is lost that matters: a waiting conversation re-enqueues itself, and operators
    /// re-announce on every change (docs/routing.md, "Durability").
    /// </summary>
    public static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(1);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(this.GetPrimaryKeyString());
        if (_pendingWrite is not null)
        {
            await Flush();
        }
    }

    public async Task Enqueue(QueueEntry entry)
    {
        if (_assigned.AlreadyAssigned(entry.ConversationId, entry.Round))
        {
            return;
        }
        var existing = Queue.Waiting.FindIndex(w => w.ConversationId == entry.ConversationId);
        var waiting = new WaitingConversation(entry.ConversationId, entry.Since)
        {
            PreferredOperator = entry.PreferredOperator,
            Priority = entry.Priority,
            Excluded = entry.Excluded,
            Round = entry.Round,
            Phone = existing >= 0 ? Queue.Waiting[existing].Phone : null,
            ReservedBy = existing >= 0 ? Queue.Waiting[existing].ReservedBy : null,
        };
        if (existing >= 0)
        {
            Queue.Waiting.RemoveAt(existing);
        }
        var at = Queue.Waiting.FindIndex(w => w.Priority < waiting.Priority || w.Priority == waiting.Priority && w.Since > waiting.Since);
        Queue.Waiting.Insert(at < 0 ? Queue.Waiting.Count : at, waiting);
        WriteSoon();
        await Route();
    }

    public async Task Withdraw(string conversationId)
    {
        var index = Queue.Waiting.FindIndex(w => w.ConversationId == conversationId);
        if (index < 0)
        {
            return;
        }
        if (Queue.Waiting[index].ReservedBy is { } holder)
        {
            // The chat leaves while still queued, so the slot an unanswered offer took for it was never used: free it.
            await GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, holder)).Release(conversationId, UnassignReasons.Closed);
        }
        Queue.Waiting.RemoveAt(index);
        _published.Remove(conversationId);
        WriteSoon();
        await Route();
    }

    public async Task OperatorChanged(OperatorAvailability availability)
    {
        Queue.Roster[availability.OperatorId] = availability;
        WriteSoon();
        await Route();
    }

    public async Task Handled(TimeSpan handling, TimeSpan? answer)
    {
        WaitEstimator.Record(Queue.RecentHandling, handling);
        if (answer is { } value)
        {
            WaitEstimator.Record(Queue.RecentAnswers, value);
        }
        WriteSoon();
        await Publish();
    }

    public async Task Answered(TimeSpan firstResponse)
    {
        var site = await _config.Get();
        Figures.RecordAnswer(Figures.Today(Queue.Today, clock.GetUtcNow()), firstResponse, site.Monitor.ServiceLevelSeconds);
        WriteSoon();
    }

    public async Task Unanswered()
    {
        Figures.Today(Queue.Today, clock.GetUtcNow()).Unanswered++;
        WriteSoon();
    }

    public async Task Rated(int score)
    {
        Figures.RecordRating(Figures.Today(Queue.Today, clock.GetUtcNow()), score);
        WriteSoon();
    }

    public async Task Callback(string conversationId, string phone)
    {
        var index = Queue.Waiting.FindIndex(w => w.ConversationId == conversationId);
        if (index >= 0)
        {
            Queue.Waiting[index] = Queue.Waiting[index] with { Phone = phone };
            WriteSoon();
        }
    }

    public async Task<bool> OfferInvitation()
    {
        // Inviting visitors to a queue that cannot answer them soon would only make them wait: count it instead.
        var settings = await Settings();
        var room = Queue.Roster.Values.Any(o => o.CanTakeMore);
        var allowed = room && Estimate(Queue.Waiting.Count + 1) <= settings.MaxEta.TotalSeconds;
        if (allowed)
        {
            Queue.InvitationsShown++;
        }
        else
        {
            Queue.InvitationsSuppressed++;
        }
        WriteSoon();
        return allowed;
    }

    public async Task InvitationAccepted()
    {
        Queue.InvitationsAccepted++;
        WriteSoon();
    }

    public Task<QueueSnapshot> GetSnapshot() => Task.FromResult(new QueueSnapshot(
        _queueId,
        Queue.Waiting.Select((w, i) => new WaitingChat(w.ConversationId, w.Since, i + 1, Estimate(i + 1), w.Phone, w.OverflowReason)).ToList(),
        Queue.Roster.Values.ToList(),
        new InvitationCounters(Queue.InvitationsShown, Queue.InvitationsSuppressed, Queue.InvitationsAccepted),
        Figures.Today(Queue.Today, clock.GetUtcNow())));

    /// <summary>Assigns what can be assigned, then tells everyone still waiting where they stand.</summary>
    private async Task Route()
    {
        await SyncRoster(everyone: false);
        if (await Dispatch())
        {
            WriteSoon();
        }
        await Publish();
    }

    /// <summary>Offers waiting conversations in order until nobody can take more; true when the queue changed.</summary>
    private async Task<bool> Dispatch()
    {
        var changed = false;
        var index = 0;
        while (index < Queue.Waiting.Count)
        {
            var waiting = Queue.Waiting[index];
            // A chat holding a reservation is offered even when everyone looks full: the slot is already its own.
            var offerable = waiting.ReservedBy is not null || Queue.Roster.Values.Any(o => o.CanTakeMore);
            if (!offerable || await Offer(waiting) == OfferOutcome.NobodyTookIt)
            {
                index++;
                continue;
            }
            Queue.Waiting.RemoveAt(index);
            _published.Remove(waiting.ConversationId);
            changed = true;
        }
        return changed;
    }

    private async Task<OfferOutcome> Offer(WaitingConversation waiting)
    {
        var conversation = GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, waiting.ConversationId));
        // An operator who already holds a reservation for this chat (an earlier offer's answer was lost) comes first,
        // so the reservation is used rather than leaked.
        var candidates = RoutingPolicy.Candidates(Queue.Roster.Values, waiting);
        if (waiting.ReservedBy is { } reserved && Queue.Roster.TryGetValue(reserved, out var holder) && !waiting.Excluded.Contains(reserved))
        {
            candidates = [holder, .. candidates.Where(c => c.OperatorId != reserved)];
        }
        foreach (var candidate in candidates)
        {
            var operatorGrain = GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, candidate.OperatorId));
            var reason = candidate.OperatorId == waiting.PreferredOperator ? AssignmentReasons.Sticky : AssignmentReasons.Queue;
            bool accepted;
            try
            {
                if (!await operatorGrain.TryReserve(waiting.ConversationId))
                {
                    // Our view was stale (another queue filled them, or they left); they will tell us when that changes.
                    Queue.Roster[candidate.OperatorId] = candidate with { Load = candidate.Capacity };
                    continue;
                }
                accepted = await conversation.Assign(candidate.OperatorId, candidate.Name, reason);
                if (!accepted)
                {
                    await operatorGrain.Release(waiting.ConversationId, UnassignReasons.Closed);
                    return OfferOutcome.NoLongerWaiting;
                }
            }
            catch (SwitchboardException)
            {
                // Refused outright (the operator's account is gone): nothing was reserved; try the next.
                continue;
            }
            catch (Exception)
            {
                // The outcome is unknown (an answer lost with a busy or failing silo, or the conversation's storage
                // failing): the operator may hold a slot for the chat, and the chat may be theirs. Keep that with the
                // chat and offer it to the same operator first next time; reserving, assigning and releasing are all
                // idempotent, so the retry settles it either way. Letting the error escape would leak the slot.
                Replace(waiting with { ReservedBy = candidate.OperatorId });
                return OfferOutcome.NobodyTookIt;
            }
            Queue.Roster[candidate.OperatorId] = candidate with { Load = candidate.Load + 1 };
            _assigned.Record(waiting.ConversationId, waiting.Round);
            operatorGrain.Confirm(waiting.ConversationId).Ignore();
            return OfferOutcome.Assigned;
        }
        if (waiting.ReservedBy is not null)
        {
            // Everyone answered, the holder included, and nobody holds a slot for it any more.
            Replace(waiting with { ReservedBy = null });
        }
        return OfferOutcome.NobodyTookIt;
    }

    /// <summary>Puts a changed copy of a waiting chat in its place in the list.</summary>
    private void Replace(WaitingConversation changed) =>
        Queue.Waiting[Queue.Waiting.FindIndex(w => w.ConversationId == changed.ConversationId)] = changed;

    /// <summary>Sends changed positions and estimates, and overflows the chats that should be, each reason once.</summary>
    private async Task Publish()
    {
        metrics.Waiting(this.GetPrimaryKeyString(), _site, _queueId, Queue.Waiting.Count);
        var settings = await Settings();
        var now = clock.GetUtcNow();
        var open = WorkingHoursCalendar.IsOpen(settings.Hours, now);
        var online = Queue.Roster.Values.Count(o => o.Status == OperatorStatus.Online);
        var overflowed = false;
        for (var i = 0; i < Queue.Waiting.Count; i++)
        {
            var waiting = Queue.Waiting[i];
            var conversation = GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, waiting.ConversationId));
            var position = new QueuePosition(i + 1, Estimate(i + 1));
            if (!_published.TryGetValue(waiting.ConversationId, out var last) || last != position)
            {
                _published[waiting.ConversationId] = position;
                conversation.Queued(position).Ignore();
            }
            var reason = OverflowPolicy.Reason(open, online, position.EtaSeconds, now - waiting.Since, settings);
            if (reason is not null && reason != waiting.OverflowReason)
            {
                Queue.Waiting[i] = waiting with { OverflowReason = reason };
                conversation.Overflow(reason, position.EtaSeconds).Ignore();
                overflowed = true;
            }
        }
        if (overflowed)
        {
            WriteSoon();
        }
        ScheduleMaxWaitCheck(settings, now);
    }

    /// <summary>Wakes the queue when the next waiting chat reaches the maximum wait, so it overflows on time.</summary>
    private void ScheduleMaxWaitCheck(QueueSettings settings, DateTimeOffset now)
    {
        _overflowCheck?.Dispose();
        _overflowCheck = null;
        var next = Queue.Waiting.Where(w => w.OverflowReason is not (OverflowReasons.MaxWait or OverflowReasons.Closed or OverflowReasons.Offline))
            .Select(w => w.Since + settings.MaxWait).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (next != DateTimeOffset.MaxValue)
        {
            var due = next > now ? next - now : TimeSpan.Zero;
            _overflowCheck = this.RegisterGrainTimer(Publish, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
    }

    private void WriteSoon() =>
        _pendingWrite ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(WriteBehind, Timeout.InfiniteTimeSpan));

    private async Task Flush()
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        await state.WriteStateAsync();
    }

    private int? Estimate(int position)
    {
        var online = Queue.Roster.Values.Where(o => o.Status == OperatorStatus.Online).ToList();
        return WaitEstimator.EstimateSeconds(position, online.Sum(o => Math.Max(0, o.Capacity - o.Load)), online.Sum(o => o.Capacity),
            Queue.RecentHandling, Queue.RecentAnswers);
    }

    private async Task<QueueSettings> Settings() =>
        QueueSettings.Resolve((await _config.Get()).FindQueue(_queueId), defaults.Value, language: "en");

    private enum OfferOutcome
    {
        Assigned,
        NoLongerWaiting,
        NobodyTookIt,
    }
}
