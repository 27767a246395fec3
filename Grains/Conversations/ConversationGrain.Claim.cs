using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Conversations;

/// <summary>A new chat's direct claim of a free operator: its start and its assignment stored in one write.</summary>
public sealed partial class ConversationGrain
{
    /// <summary>
    /// A new chat asks its queue for a free operator before its start is stored, so the start and the assignment share
    /// one write: one disk sync less before the operator sees the chat. Not a call (its line is offered and answered
    /// through the queue's route). Null when nobody is free now or the queue cannot answer: the chat queues once stored.
    /// </summary>
    private async Task<DirectAssignment?> ClaimOperator(StartConversation start, DateTimeOffset now)
    {
        if (start.Channel == ChannelNames.Phone)
        {
            return null;
        }
        try
        {
            // Round 1: the started event's seq, which is the round a queued start would have.
            return await QueueGrain(start.Queue).Claim(new QueueEntry(_id, now, start.PreferredOperator, [])
            {
                Priority = start.Priority, Round = 1, Channel = start.Channel,
            });
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Queue {Queue} could not be asked for a free operator for conversation {Conversation}; it queues", start.Queue, _key);
            return null;
        }
    }

    /// <summary>Stores a start with its direct assignment, then confirms the operator's seat; a failed write gives it back.</summary>
    private async Task AppendAssigned(IReadOnlyList<ConversationEvent> events, DirectAssignment direct)
    {
        try
        {
            await Append(events);
        }
        catch
        {
            // Stored or not: a retried start that finds it stored confirms the seat again, which takes it back.
            await FreeSeat(direct.OperatorId, UnassignReasons.Closed);
            throw;
        }
        metrics.Assigned(TimeSpan.Zero);
        Operator(direct.OperatorId).Confirm(_id).Ignore();
        Visitor().Served(direct.OperatorId).Ignore();
    }
}
