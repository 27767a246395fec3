using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Calls;

/// <summary>A new call: put through to a free operator, rung at their console, or the overflow menu.</summary>
public sealed partial class CallGrain
{
    private async Task<CallAnswer> Offer(PhoneEvent evt)
    {
        if (Call.Stage != CallStage.Unknown)
        {
            return CallAnswer.Nothing(Call.Language, "the call was already offered");
        }
        if (!ContactIds.IsValid(evt.From))
        {
            return new CallAnswer([PhoneCommand.Hangup], Call.Language) { Ignored = "the caller's number is not usable" };
        }
        var site = await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
            ?? throw SwitchboardException.NotFound($"No site '{_site}'.");
        Call.Caller = evt.From;
        Call.OfferedAt = clock.GetUtcNow();
        Call.PbxTakesCommands = evt.PbxTakesCommands;
        Call.Language = PhoneTexts.LanguageOf(site.Language);
        var started = await Visitor().StartChat(
            new StartChatRequest($"call:{_callId}", null, null, null) { Channel = ChannelNames.Phone, ContactId = evt.From }, null);
        Call.ConversationId = started.ConversationId;
        await Conversation().RecordCall(new CallUpdate(evt.EventId, _callId, CallStates.Offered) { From = evt.From });
        var snapshot = await Conversation().GetSnapshot(Actor.System(_site));
        Call.Queue = snapshot.Queue;
        await RoutedAsync(snapshot.Queue);
        snapshot = await Conversation().GetSnapshot(Actor.System(_site));
        if (snapshot is { OperatorId: { } id, OperatorName: var name })
        {
            if (Call.PbxTakesCommands)
            {
                // Their console rings; the caller is held until they accept (connect is pushed) or the call moves on.
                Call.Stage = CallStage.Ringing;
                await Figures().Waiting(_callId);
                return new CallAnswer(CallMenu.Ringing(Call.Language, Call.Queue), Call.Language);
            }
            Call.Stage = CallStage.Connected;
            (Call.OperatorId, Call.OperatorName) = (id, name ?? id);
            await Figures().Answered(_callId, clock.GetUtcNow() - Call.OfferedAt);
            return new CallAnswer([PhoneCommand.Connect(id, name ?? id)], Call.Language);
        }
        Call.Stage = CallStage.Menu;
        await Figures().Waiting(_callId);
        return new CallAnswer(CallMenu.Offer(Call.Language), Call.Language);
    }

    /// <summary>
    /// Hands the waiting conversation to <paramref name="queue"/> and waits for its routing: once this returns, a free
    /// operator has it, if there is one. Not a bare barrier after the conversation's own one-way enqueue: in a cluster
    /// that enqueue and this call come from different silos and may arrive in either order. Not the queue's snapshot
    /// either: that copies the whole waiting list, and with every caller in the menu waiting there each call would cost
    /// more than the one before.
    /// </summary>
    private async Task RoutedAsync(string queue)
    {
        if (await Conversation().GetQueueEntry() is { } entry)
        {
            await GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, queue)).Route(entry);
        }
    }
}
