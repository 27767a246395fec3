using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Sites;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Queues;

/// <summary>
/// Assigns waiting conversations, oldest first, to operators with free capacity; tells each waiting visitor
/// their place and the estimated wait; overflows honestly. Non-reentrant, so decisions are serial; the
/// operator grain has the last word on capacity (<see cref="IOperatorGrain.TryReserve"/>), so an operator
/// serving several queues is never overfilled.
/// </summary>
public sealed partial class QueueGrain(
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
    private StateWriteBehind _writes = null!;
    /// <summary>The site configuration the roster was last synced with.</summary>
    private SiteConfig? _rosterFrom;

    private QueueState Queue => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _queueId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _writes = new StateWriteBehind(this, state.WriteStateAsync);
        _assigned = new RecentAssignments(clock);
        _config = new SiteConfigCache(ServiceProvider, _site);
        // The stored roster may be a second old (it is written behind): ask the operators themselves, then route.
        this.RegisterGrainTimer(RefreshRosterAndRoute, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(this.GetPrimaryKeyString());
        await _writes.FlushAsync();
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
            // A reminder names no operator: it keeps the preference the start gave.
            PreferredOperator = entry.PreferredOperator ?? (existing >= 0 ? Queue.Waiting[existing].PreferredOperator : null),
            Priority = entry.Priority,
            Excluded = entry.Excluded,
            Round = entry.Round,
            Channel = entry.Channel,
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
            await GrainFactory.Grain<IOperatorGrain>(GrainKeys.Operator(_site, holder)).Release(conversationId, UnassignReasons.Closed);
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

    public async Task Answered(TimeSpan firstResponse, string channel)
    {
        var site = await _config.Get();
        var today = Figures.Today(Queue.Today, clock.GetUtcNow());
        Figures.RecordAnswer(today, firstResponse, site.Monitor.ServiceLevelSeconds);
        Figures.RecordAnswer(today.Of(channel), firstResponse, site.Monitor.ServiceLevelSeconds);
        WriteSoon();
    }

    public async Task Unanswered(string channel)
    {
        var today = Figures.Today(Queue.Today, clock.GetUtcNow());
        today.Unanswered++;
        today.Of(channel).Unanswered++;
        WriteSoon();
    }

    public async Task Ended(string channel, string reason)
    {
        var today = Figures.Today(Queue.Today, clock.GetUtcNow());
        Figures.RecordEnd(today, reason);
        Figures.RecordEnd(today.Of(channel), reason);
        WriteSoon();
    }

    public async Task Rated(int score)
    {
        Figures.RecordRating(Figures.Today(Queue.Today, clock.GetUtcNow()), score);
        WriteSoon();
    }

    public async Task Rerated(int previous, DateTimeOffset previousAt, int score)
    {
        Figures.ReplaceRating(Figures.Today(Queue.Today, clock.GetUtcNow()), previous, previousAt, score);
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

    public Task<QueueSnapshot> GetSnapshot()
    {
        var estimator = Estimator();
        return Task.FromResult(new QueueSnapshot(
            _queueId,
            Queue.Waiting.Select((w, i) => new WaitingChat(w.ConversationId, w.Since, i + 1, estimator(i + 1), w.Phone, w.OverflowReason) { Channel = w.Channel }).ToList(),
            Queue.Roster.Values.ToList(),
            new InvitationCounters(Queue.InvitationsShown, Queue.InvitationsSuppressed, Queue.InvitationsAccepted),
            Figures.Today(Queue.Today, clock.GetUtcNow())));
    }

    public Task<int> GetOnlineOperators() => Task.FromResult(OnlineCount());

    /// <summary>How many of the roster are online: counted in a loop, without an enumerator, as every hello asks.</summary>
    private int OnlineCount()
    {
        var online = 0;
        foreach (var availability in Queue.Roster.Values)
        {
            online += availability.Status == OperatorStatus.Online ? 1 : 0;
        }
        return online;
    }

    public Task Route(QueueEntry entry) => Enqueue(entry);

    /// <summary>
    /// The queue's state is written behind, at most a second later (<see cref="StateWriteBehind"/>): every routing
    /// decision stays off the disk's path. Nothing is lost that matters: a waiting conversation re-enqueues itself, and
    /// operators re-announce on every change (docs/routing.md, "Durability").
    /// </summary>
    private void WriteSoon() => _writes.Soon();

    private async Task<QueueSettings> Settings() =>
        QueueSettings.Resolve((await _config.Get()).FindQueue(_queueId), defaults.Value, language: "en");
}
