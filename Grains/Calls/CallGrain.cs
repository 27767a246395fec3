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
/// (<c>connect</c>; with a PBX that takes pushed commands, their console rings first and <c>connect</c> is pushed when
/// they accept), or else the overflow menu: order status, a callback that waits with the chats, or waiting on the
/// line. Non-reentrant, so a call's events are answered one at a time, in the order they arrive.
/// </summary>
public sealed partial class CallGrain(
    [PersistentState(StorageNames.CallState, StorageNames.Provider)] IPersistentState<CallState> state,
    TimeProvider clock,
    IPhoneCommandPort pbx,
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
        if (evt.Type == PhoneEventTypes.PromptFinished && Call.Stage != CallStage.Ended)
        {
            // One per prompt (over ARI, every prompt's PlaybackFinished): it changes nothing, so it costs no store write.
            return new CallAnswer([], Call.Language) { ConversationId = Call.ConversationId };
        }
        if (evt.Adapter != PhoneAdapters.Generic)
        {
            // A call back over ARI is known by its first event; a call keeps the adapter it came through.
            Call.Adapter = evt.Adapter;
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

    public async Task CallingBack(string conversationId, string phone, string? operatorId = null)
    {
        if (Call.Stage != CallStage.Unknown)
        {
            return;
        }
        var site = await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
            ?? throw SwitchboardException.NotFound($"No site '{_site}'.");
        Call.Stage = CallStage.Connected;
        Call.ConversationId = conversationId;
        Call.Caller = phone;
        Call.CallBackOperator = operatorId;
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
        (_, PhoneEventTypes.Answered) => PbxAnswered(evt),
        (_, PhoneEventTypes.Ended) => End(evt),
        (CallStage.Menu, PhoneEventTypes.Dtmf) => Choose(evt.Digits),
        (CallStage.Menu, PhoneEventTypes.Timeout or PhoneEventTypes.Speech) => Task.FromResult(Miss(null)),
        (_, PhoneEventTypes.PromptFinished) => Task.FromResult(new CallAnswer([], Call.Language)),
        _ when !PhoneEventTypes.IsKnown(evt.Type) => Task.FromResult(CallAnswer.Nothing(Call.Language, $"unknown event type '{evt.Type}'")),
        _ => Task.FromResult(CallAnswer.Nothing(Call.Language, $"'{evt.Type}' while the call is {Call.Stage}")),
    };

    private string VisitorId => ContactIds.VisitorId(ChannelNames.Phone, Call.Caller);
    private Actor Caller() => new(ActorKind.Visitor, _site, VisitorId);
    private IVisitorGrain Visitor() => GrainFactory.Grain<IVisitorGrain>(GrainKeys.Visitor(_site, VisitorId));
    private ICallFiguresGrain Figures() => GrainFactory.Grain<ICallFiguresGrain>(GrainKeys.CallFigures(_site, Call.Queue));
    private IConversationGrain Conversation() => GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, Call.ConversationId));
}
