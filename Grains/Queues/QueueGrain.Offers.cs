using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;

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
            var reason = ReasonFor(candidate, waiting);
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
            Seated(candidate, claim);
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

    /// <summary>
    /// A chat not yet stored, with nothing waiting ahead of it, reserves the first operator routing would offer it to.
    /// Nothing is offered to the conversation (it is the caller, storing its start): the reservation is answered, and
    /// the conversation confirms it once its start and assignment are stored.
    /// </summary>
    public async Task<DirectAssignment?> Claim(QueueEntry entry)
    {
        await SyncRoster(everyone: false);
        if (Queue.Waiting.Count > 0)
        {
            // Whoever waits goes first; the new chat queues behind them once stored.
            return null;
        }
        var site = await _config.Get();
        var claim = CallSeats.ClaimFor(entry.Channel, site, site.FindQueue(_queueId));
        var waiting = new WaitingConversation(entry.ConversationId, entry.Since)
        {
            PreferredOperator = entry.PreferredOperator, Excluded = entry.Excluded, Priority = entry.Priority, Round = entry.Round, Channel = entry.Channel,
        };
        foreach (var candidate in RoutingPolicy.Candidates(Queue.Roster.Values, waiting, claim))
        {
            var operatorGrain = GrainFactory.Grain<IOperatorGrain>(GrainKeys.Operator(_site, candidate.OperatorId));
            try
            {
                if (!await operatorGrain.TryReserve(entry.ConversationId, claim))
                {
                    Queue.Roster[candidate.OperatorId] = candidate with { Load = candidate.Capacity };
                    continue;
                }
            }
            catch (SwitchboardException)
            {
                continue;
            }
            catch (Exception)
            {
                // The outcome is unknown, and the chat is not stored: nobody should hold a seat for it.
                await GiveBack(operatorGrain, entry.ConversationId);
                return null;
            }
            // Not recorded as assigned: the chat is not stored yet, and should its write fail, its retry may queue it.
            Seated(candidate, claim);
            return new DirectAssignment(candidate.OperatorId, candidate.Name, ReasonFor(candidate, waiting));
        }
        return null;
    }

    /// <summary>Releases a seat the operator may hold (idempotent); should that be lost too, their audit finds the seat.</summary>
    private static async Task GiveBack(IOperatorGrain operatorGrain, string conversationId)
    {
        try
        {
            await operatorGrain.Release(conversationId, UnassignReasons.Closed);
        }
        catch (Exception)
        {
            // The audit frees a seat whose conversation does not name its holder.
        }
    }

    /// <summary>Why the chat is theirs: the visitor's last operator is a sticky assignment, anyone else the queue's.</summary>
    private static string ReasonFor(OperatorAvailability candidate, WaitingConversation waiting) =>
        candidate.OperatorId == waiting.PreferredOperator ? AssignmentReasons.Sticky : AssignmentReasons.Queue;

    /// <summary>The roster counts the seat the operator reserved.</summary>
    private void Seated(OperatorAvailability candidate, SeatClaim claim)
    {
        Queue.Roster[candidate.OperatorId] = candidate with
        {
            Load = candidate.Load + SeatRule.WeightOf(claim, candidate.Capacity),
            OnCall = candidate.OnCall || claim.IsCall,
            ChatsBlocked = candidate.ChatsBlocked || claim.BlocksChats,
        };
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
