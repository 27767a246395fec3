using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Queues;

/// <summary>The queue's offers: routing waiting chats, in order, to operators who reserve a seat for them.</summary>
public sealed partial class QueueGrain
{
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
        var site = await _config.Get();
        while (index < Queue.Waiting.Count)
        {
            var waiting = Queue.Waiting[index];
            var claim = CallSeats.ClaimFor(waiting.Channel, site, site.FindQueue(_queueId));
            // A chat holding a reservation is offered even when everyone looks full: the slot is already its own.
            var offerable = waiting.ReservedBy is not null || Queue.Roster.Values.Any(o => SeatRule.Fits(o, claim));
            if (!offerable || await Offer(waiting, claim) == OfferOutcome.NobodyTookIt)
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

    private async Task<OfferOutcome> Offer(WaitingConversation waiting, SeatClaim claim)
    {
        var conversation = GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, waiting.ConversationId));
        // An operator who already holds a reservation for this chat (an earlier offer's answer was lost) comes first,
        // so the reservation is used rather than leaked.
        var candidates = RoutingPolicy.Candidates(Queue.Roster.Values, waiting, claim);
        if (waiting.ReservedBy is { } reserved && Queue.Roster.TryGetValue(reserved, out var holder) && !waiting.Excluded.Contains(reserved))
        {
            candidates = [holder, .. candidates.Where(c => c.OperatorId != reserved)];
        }
        foreach (var candidate in candidates)
        {
            var operatorGrain = GrainFactory.Grain<IOperatorGrain>(GrainKeys.Operator(_site, candidate.OperatorId));
            var reason = candidate.OperatorId == waiting.PreferredOperator ? AssignmentReasons.Sticky : AssignmentReasons.Queue;
            bool accepted;
            try
            {
                if (!await operatorGrain.TryReserve(waiting.ConversationId, claim))
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
            Queue.Roster[candidate.OperatorId] = candidate with
            {
                Load = candidate.Load + SeatRule.WeightOf(claim, candidate.Capacity),
                OnCall = candidate.OnCall || claim.IsCall,
                ChatsBlocked = candidate.ChatsBlocked || claim.BlocksChats,
            };
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

    private enum OfferOutcome
    {
        Assigned,
        NoLongerWaiting,
        NobodyTookIt,
    }
}
