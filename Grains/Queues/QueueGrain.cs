using Orleans.Runtime;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Queues;

/// <summary>
/// Assigns waiting conversations, oldest first, to operators with free capacity. The grain is
/// non-reentrant, so decisions are serial; the operator grain has the last word on capacity
/// (<see cref="IOperatorGrain.TryReserve"/>), so an operator serving several queues is never overfilled.
/// </summary>
public sealed class QueueGrain(
    [PersistentState(StorageNames.QueueState, StorageNames.Provider)] IPersistentState<QueueState> state,
    TimeProvider clock)
    : Grain, IQueueGrain
{
    private readonly Dictionary<string, QueuePosition> _published = [];
    private string _site = "";

    private QueueState Queue => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _site = GrainKeys.Parse(this.GetPrimaryKeyString()).Site;
        if (Queue.Waiting.Count > 0)
        {
            // Reactivated with conversations waiting: route them as soon as the activation is done.
            this.RegisterGrainTimer(DispatchAndPublish, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        return Task.CompletedTask;
    }

    public async Task Enqueue(string conversationId, DateTimeOffset since)
    {
        if (Queue.Waiting.All(w => w.ConversationId != conversationId))
        {
            Queue.Waiting.Add(new WaitingConversation(conversationId, since));
            await state.WriteStateAsync();
        }
        await DispatchAndPublish();
    }

    public async Task Withdraw(string conversationId)
    {
        if (Queue.Waiting.RemoveAll(w => w.ConversationId == conversationId) > 0)
        {
            _published.Remove(conversationId);
            await state.WriteStateAsync();
            await DispatchAndPublish();
        }
    }

    public async Task OperatorChanged(OperatorAvailability availability)
    {
        Queue.Roster[availability.OperatorId] = availability;
        await state.WriteStateAsync();
        await DispatchAndPublish();
    }

    public Task<QueueSnapshot> GetSnapshot() => Task.FromResult(new QueueSnapshot(
        GrainKeys.Parse(this.GetPrimaryKeyString()).Id,
        Queue.Waiting.Select(w => w.ConversationId).ToList(),
        Queue.Roster.Values.ToList()));

    private async Task DispatchAndPublish()
    {
        if (await Dispatch())
        {
            await state.WriteStateAsync();
        }
        PublishPositions();
    }

    /// <summary>Offers waiting conversations in order until nobody can take more; true when the queue changed.</summary>
    private async Task<bool> Dispatch()
    {
        var changed = false;
        var index = 0;
        while (index < Queue.Waiting.Count)
        {
            var candidates = RoutingPolicy.Candidates(Queue.Roster.Values);
            if (candidates.Count == 0)
            {
                break;
            }
            var waiting = Queue.Waiting[index];
            var outcome = await Offer(waiting, candidates);
            if (outcome == OfferOutcome.NobodyTookIt)
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

    private async Task<OfferOutcome> Offer(WaitingConversation waiting, IReadOnlyList<OperatorAvailability> candidates)
    {
        var conversation = GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, waiting.ConversationId));
        foreach (var candidate in candidates)
        {
            var operatorGrain = GrainFactory.GetGrain<IOperatorGrain>(GrainKeys.Operator(_site, candidate.OperatorId));
            if (!await operatorGrain.TryReserve(waiting.ConversationId))
            {
                // Our view was stale (another queue filled them, or they left); they will tell us when that changes.
                Queue.Roster[candidate.OperatorId] = candidate with { Load = candidate.Capacity };
                continue;
            }
            if (!await conversation.Assign(candidate.OperatorId, candidate.Name))
            {
                await operatorGrain.Release(waiting.ConversationId, EventTypes.Closed);
                return OfferOutcome.NoLongerWaiting;
            }
            Queue.Roster[candidate.OperatorId] = candidate with { Load = candidate.Load + 1 };
            WaitEstimator.Record(Queue.RecentWaits, clock.GetUtcNow() - waiting.Since);
            operatorGrain.Confirm(waiting.ConversationId).Ignore();
            return OfferOutcome.Assigned;
        }
        return OfferOutcome.NobodyTookIt;
    }

    private void PublishPositions()
    {
        var freeSlots = Queue.Roster.Values.Where(o => o.Status == OperatorStatus.Online).Sum(o => Math.Max(0, o.Capacity - o.Load));
        for (var i = 0; i < Queue.Waiting.Count; i++)
        {
            var id = Queue.Waiting[i].ConversationId;
            var position = new QueuePosition(i + 1, WaitEstimator.EstimateSeconds(i + 1, Queue.RecentWaits, freeSlots));
            if (_published.TryGetValue(id, out var last) && last == position)
            {
                continue;
            }
            _published[id] = position;
            GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, id)).Queued(position).Ignore();
        }
    }

    private enum OfferOutcome
    {
        Assigned,
        NoLongerWaiting,
        NobodyTookIt,
    }
}
