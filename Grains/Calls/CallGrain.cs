using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Calls;

/// <summary>
/// One phone call: a conversation with channel <c>phone</c> in the same queues as the chats. Offered to a free operator
/// (<c>connect</c>), or else the overflow menu: order status, a callback that waits with the chats, or waiting on the
/// line. Non-reentrant, so a call's events are answered one at a time, in the order they arrive.
/// </summary>
public sealed class CallGrain(
    [PersistentState(StorageNames.CallState, StorageNames.Provider)] IPersistentState<CallState> state,
    TimeProvider clock,
    ILogger<CallGrain> logger)
    : Grain, ICallGrain
{
    /// <summary>Enough to answer any redelivery a PBX makes while a call lasts.</summary>
    public const int RememberedAnswers = 64;

    private string _site = "";
    private string _callId = "";

    private CallState Call => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _callId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<CallAnswer> Handle(PhoneEvent evt)
    {
        if (Call.Answered.FirstOrDefault(a => a.Key == evt.EventId) is { Value: { } earlier })
        {
            return earlier;
        }
        if (Call.Stage == CallStage.Unknown && evt.Type != PhoneEventTypes.Offered)
        {
            // Nothing is stored for a call never offered, so junk call ids leave no state behind.
            return CallAnswer.Nothing(Call.Language, $"unknown call '{_callId}'");
        }
        var answer = await Answer(evt) with { ConversationId = Call.ConversationId };
        Call.Answered.Add(new(evt.EventId, answer));
        if (Call.Answered.Count > RememberedAnswers)
        {
            Call.Answered.RemoveAt(0);
        }
        await state.WriteStateAsync();
        return answer;
    }

    public async Task CallingBack(string conversationId, string phone)
    {
        if (Call.Stage != CallStage.Unknown)
        {
            return;
        }
        var site = await GrainFactory.GetGrain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
            ?? throw SwitchboardException.NotFound($"No site '{_site}'.");
        Call.Stage = CallStage.Connected;
        Call.ConversationId = conversationId;
        Call.Caller = phone;
        Call.Language = PhoneTexts.LanguageOf(site.Language);
        var calledBack = await Conversation().GetSnapshot(Actor.System(_site));
        Call.Queue = calledBack.Queue;
        await state.WriteStateAsync();
        if (calledBack.Channel == ChannelNames.Phone)
        {
            // Only a caller's callback was counted as pending; a web chat's is the chat figures' business.
            await Figures().CalledBack();
        }
    }

    private Task<CallAnswer> Answer(PhoneEvent evt) => (Call.Stage, evt.Type) switch
    {
        (CallStage.Ended, _) => Task.FromResult(CallAnswer.Nothing(Call.Language, $"'{evt.Type}' after the call ended")),
        (_, PhoneEventTypes.Offered) => Offer(evt),
        (_, PhoneEventTypes.Answered) => Record(evt, CallStates.Answered),
        (_, PhoneEventTypes.Ended) => End(evt),
        (CallStage.Menu, PhoneEventTypes.Dtmf) => Choose(evt.Digits),
        (CallStage.Menu, PhoneEventTypes.Timeout or PhoneEventTypes.Speech) => Task.FromResult(Miss(null)),
        (_, PhoneEventTypes.PromptFinished) => Task.FromResult(new CallAnswer([], Call.Language)),
        _ when !PhoneEventTypes.IsKnown(evt.Type) => Task.FromResult(CallAnswer.Nothing(Call.Language, $"unknown event type '{evt.Type}'")),
        _ => Task.FromResult(CallAnswer.Nothing(Call.Language, $"'{evt.Type}' while the call is {Call.Stage}")),
    };

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
        var site = await GrainFactory.GetGrain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
            ?? throw SwitchboardException.NotFound($"No site '{_site}'.");
        Call.Caller = evt.From;
        Call.OfferedAt = clock.GetUtcNow();
        Call.Language = PhoneTexts.LanguageOf(site.Language);
        var started = await Visitor().StartChat(
            new StartChatRequest($"call:{_callId}", null, null, null) { Channel = ChannelNames.Phone, ContactId = evt.From }, null);
        Call.ConversationId = started.ConversationId;
        await Conversation().RecordCall(new CallUpdate(evt.EventId, _callId, CallStates.Offered));
        var snapshot = await Conversation().GetSnapshot(Actor.System(_site));
        Call.Queue = snapshot.Queue;
        // The queue routes a new conversation while the start's one-way enqueue runs; asking the queue after it is a
        // barrier: by the time it answers, a free operator has been assigned.
        await GrainFactory.GetGrain<IQueueGrain>(GrainKeys.Queue(_site, snapshot.Queue)).GetSnapshot();
        snapshot = await Conversation().GetSnapshot(Actor.System(_site));
        if (snapshot is { OperatorId: { } id, OperatorName: var name })
        {
            Call.Stage = CallStage.Connected;
            await Figures().Answered(_callId, clock.GetUtcNow() - Call.OfferedAt);
            return new CallAnswer([PhoneCommand.Connect(id, name ?? id)], Call.Language);
        }
        Call.Stage = CallStage.Menu;
        await Figures().Waiting(_callId);
        return new CallAnswer(CallMenu.Offer(Call.Language), Call.Language);
    }

    private async Task<CallAnswer> Record(PhoneEvent evt, string callState)
    {
        try
        {
            await Conversation().RecordCall(new CallUpdate(evt.EventId, _callId, callState) { Reason = evt.Reason, DurationSeconds = evt.DurationSeconds });
        }
        catch (SwitchboardException refusal)
        {
            // A call back for a web chat's callback: the chat has no calls of its own, and the call goes on regardless.
            logger.LogInformation("Call {Site}/{Call}: '{State}' not recorded on its conversation: {Problem}", _site, _callId, callState, refusal.Message);
        }
        return new CallAnswer([], Call.Language);
    }

    private async Task<CallAnswer> Choose(string? digits)
    {
        if (!CallMenu.IsDigits(digits))
        {
            logger.LogWarning("Call {Site}/{Call}: DTMF '{Digits}' is not digits; the menu is repeated", _site, _callId, digits);
            return Miss(PhoneTexts.NotUnderstood(Call.Language));
        }
        switch (digits)
        {
            case CallMenu.OrderStatusKey:
                Call.MenuMisses = 0;
                return new CallAnswer(CallMenu.Again(Call.Language), Call.Language) { ReadOrderStatus = true };
            case CallMenu.CallbackKey:
                await Conversation().RequestCallback(Caller(), $"callback:{_callId}", Call.Caller);
                Call.Stage = CallStage.CallbackRequested;
                await Figures().CallbackRequested(_callId);
                return new CallAnswer([PhoneCommand.Say(PhoneTexts.CallbackTaken(Call.Language), Call.Language), PhoneCommand.Hangup], Call.Language);
            case CallMenu.WaitKey:
                Call.Stage = CallStage.Waiting;
                return new CallAnswer([PhoneCommand.Say(PhoneTexts.PleaseWait(Call.Language), Call.Language), PhoneCommand.Enqueue(Call.Queue)], Call.Language);
            default:
                return Miss(PhoneTexts.NotUnderstood(Call.Language));
        }
    }

    private CallAnswer Miss(string? why)
    {
        Call.MenuMisses++;
        return Call.MenuMisses >= CallMenu.MaxMisses
            ? new CallAnswer(CallMenu.Goodbye(Call.Language), Call.Language)
            : new CallAnswer(CallMenu.Again(Call.Language, why), Call.Language);
    }

    /// <summary>
    /// The caller hung up. A call nobody took and with no callback left is over for the operators too: its conversation
    /// closes (abandoned); a callback's conversation stays waiting with the number.
    /// </summary>
    private async Task<CallAnswer> End(PhoneEvent evt)
    {
        var abandoned = Call.Stage is CallStage.Menu or CallStage.Waiting;
        Call.Stage = CallStage.Ended;
        var answer = await Record(evt, CallStates.Ended);
        if (abandoned)
        {
            await Figures().Abandoned(_callId);
            if ((await Conversation().GetSnapshot(Actor.System(_site))).Status == ConversationStatus.Queued)
            {
                await Conversation().Close(Caller());
            }
        }
        return answer;
    }

    private string VisitorId => ContactIds.VisitorId(ChannelNames.Phone, Call.Caller);
    private Actor Caller() => new(ActorKind.Visitor, _site, VisitorId);
    private IVisitorGrain Visitor() => GrainFactory.GetGrain<IVisitorGrain>(GrainKeys.Visitor(_site, VisitorId));
    private ICallFiguresGrain Figures() => GrainFactory.GetGrain<ICallFiguresGrain>(GrainKeys.CallFigures(_site, Call.Queue));
    private IConversationGrain Conversation() => GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Conversation(_site, Call.ConversationId));
}
