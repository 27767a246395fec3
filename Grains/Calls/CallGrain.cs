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
public sealed class CallGrain(
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
        var site = await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig()
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
        (_, PhoneEventTypes.Answered) => PbxAnswered(evt),
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
        // The queue routes a new conversation while the start's one-way enqueue runs; asking the queue after it is a
        // barrier: by the time it answers, a free operator has been assigned. Not its snapshot: that copies the whole
        // waiting list, and with every caller in the menu waiting there each call would cost more than the one before.
        await GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, snapshot.Queue)).Routed();
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

    public async Task Accept(string operatorId, string operatorName)
    {
        if (Call.Stage is not (CallStage.Ringing or CallStage.Menu or CallStage.Waiting))
        {
            throw SwitchboardException.BadRequest("The call is not waiting for an operator any more.");
        }
        if ((await Conversation().GetSnapshot(Actor.System(_site))).OperatorId != operatorId)
        {
            throw SwitchboardException.Forbidden("The call rings for another operator.");
        }
        // The PBX first: if it does not take the connect, nothing changes and the operator may try again.
        if (!await pbx.PushAsync(_site, _callId, [PhoneCommand.Connect(operatorId, operatorName)], CancellationToken.None))
        {
            throw new SwitchboardException(ErrorCodes.Unavailable, "The phone system did not take the call's connect; try again.");
        }
        // A call an operator transferred to a queue was answered once already: its figures count it once.
        var firstAnswer = !Call.AnswerRecorded;
        Call.Stage = CallStage.Connected;
        (Call.OperatorId, Call.OperatorName, Call.AnswerRecorded) = (operatorId, operatorName, true);
        await state.WriteStateAsync();
        await Conversation().RecordCall(new CallUpdate($"accept:{_callId}:{Call.Requeued}", _callId, CallStates.Answered)
        {
            OperatorId = operatorId, OperatorName = operatorName,
        });
        if (firstAnswer)
        {
            await Figures().Answered(_callId, clock.GetUtcNow() - Call.OfferedAt);
        }
    }

    public async Task Transferred(string? operatorId, string? operatorName, string queue)
    {
        IReadOnlyList<PhoneCommand> commands = (Call.Stage, operatorId) switch
        {
            (CallStage.Connected, { } id) => [PhoneCommand.Connect(id, operatorName ?? id)],
            (CallStage.Connected, null) => CallMenu.TransferredToQueue(Call.Language, queue),
            (CallStage.Ringing or CallStage.Waiting, null) => [PhoneCommand.Enqueue(queue)],
            // Ringing or waiting for another operator: the caller is already held, and that operator's Accept connects them.
            // In the menu the caller is not held at all; ended is over.
            _ => [],
        };
        if (commands.Count == 0)
        {
            return;
        }
        if (!await pbx.PushAsync(_site, _callId, commands, CancellationToken.None))
        {
            logger.LogWarning("Call {Site}/{Call} was transferred, but the PBX did not take the {Command}: the caller stays where they were",
                _site, _callId, commands[^1].Type);
            return;
        }
        if (Call.Stage == CallStage.Connected && operatorId is not null)
        {
            (Call.OperatorId, Call.OperatorName) = (operatorId, operatorName ?? operatorId);
        }
        else if (Call.Stage == CallStage.Connected)
        {
            // Held in the queue again: its next operator's console rings (the conversation recorded the call as offered).
            Call.Stage = CallStage.Waiting;
            (Call.OperatorId, Call.OperatorName) = (null, null);
            Call.Requeued++;
        }
        await state.WriteStateAsync();
    }

    public async Task MovedOn()
    {
        if (Call.Stage != CallStage.Ringing)
        {
            // A caller in the menu or waiting on the line stays where they are: the PBX holds them, the queue rings on.
            return;
        }
        // The same barrier as the offer's: once the queue answers, the next free operator has it if there is one. The
        // conversation's queue, not the call's: a transfer may have moved it (the call's stays the one its figures are in).
        var queue = (await Conversation().GetSnapshot(Actor.System(_site))).Queue;
        await GrainFactory.Grain<IQueueGrain>(GrainKeys.Queue(_site, queue)).Routed();
        if ((await Conversation().GetSnapshot(Actor.System(_site))).OperatorId is not null)
        {
            return;
        }
        Call.Stage = CallStage.Menu;
        await state.WriteStateAsync();
        if (!await pbx.PushAsync(_site, _callId, CallMenu.NobodyAnswered(Call.Language), CancellationToken.None))
        {
            logger.LogWarning("Call {Site}/{Call}: nobody took it, and the PBX was not told to play the menu", _site, _callId);
        }
    }

    /// <summary>
    /// The PBX says the line was answered. Recorded once, with the operator, when the caller was put through; the line
    /// answered for the menu or for holding the caller is not an operator answering.
    /// </summary>
    private async Task<CallAnswer> PbxAnswered(PhoneEvent evt)
    {
        if (Call.Stage != CallStage.Connected || Call.AnswerRecorded)
        {
            return new CallAnswer([], Call.Language);
        }
        Call.AnswerRecorded = true;
        return await Record(evt, CallStates.Answered);
    }

    private async Task<CallAnswer> Record(PhoneEvent evt, string callState, string? outcome = null)
    {
        try
        {
            await Conversation().RecordCall(new CallUpdate(evt.EventId, _callId, callState)
            {
                Reason = evt.Reason, DurationSeconds = evt.DurationSeconds, RecordingUrl = evt.RecordingUrl, Outcome = outcome,
                OperatorId = callState == CallStates.Answered ? Call.OperatorId : null,
                OperatorName = callState == CallStates.Answered ? Call.OperatorName : null,
            });
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
        var abandoned = Call.Stage is CallStage.Menu or CallStage.Waiting or CallStage.Ringing;
        var outcome = Call.Stage switch
        {
            CallStage.Connected => Call.OperatorId is not null || Call.AnswerRecorded ? CallOutcomes.Answered : CallOutcomes.Unanswered,
            CallStage.CallbackRequested => CallOutcomes.Callback,
            _ => CallOutcomes.Abandoned,
        };
        Call.Stage = CallStage.Ended;
        // Read before the end is recorded, which stops the call waiting: still queued, or ringing an operator who has
        // not taken it, means nobody will talk to this caller now.
        var before = abandoned ? await Conversation().GetSnapshot(Actor.System(_site)) : null;
        var answer = await Record(evt, CallStates.Ended, outcome);
        if (before is not null)
        {
            await Figures().Abandoned(_callId);
            if (before.Status == ConversationStatus.Queued || before is { Status: ConversationStatus.Assigned, WaitingCallId: not null })
            {
                await Conversation().Close(Caller());
            }
        }
        return answer;
    }

    private string VisitorId => ContactIds.VisitorId(ChannelNames.Phone, Call.Caller);
    private Actor Caller() => new(ActorKind.Visitor, _site, VisitorId);
    private IVisitorGrain Visitor() => GrainFactory.Grain<IVisitorGrain>(GrainKeys.Visitor(_site, VisitorId));
    private ICallFiguresGrain Figures() => GrainFactory.Grain<ICallFiguresGrain>(GrainKeys.CallFigures(_site, Call.Queue));
    private IConversationGrain Conversation() => GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, Call.ConversationId));
}
