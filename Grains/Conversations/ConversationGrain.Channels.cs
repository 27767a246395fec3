using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Channels;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Messages in any channel, and the way out to a messenger: every event a messenger contact must see is handed to the
/// conversation's durable outbox once it is stored, and the outbox's outcomes come back as <c>delivery</c> events.
/// </summary>
public sealed partial class ConversationGrain
{
    /// <summary>On activation, how far back messages whose outcome was never heard are handed to the outbox again.</summary>
    public const int RelayCatchUp = 50;

    private bool _relayStale;

    public async Task<AppendResult> Send(Actor actor, MessageDraft message)
    {
        if (await RetriedSend(actor, message.ClientId) is { } stored)
        {
            return stored;
        }
        if (_history.Status == ConversationStatus.Closed)
        {
            throw SwitchboardException.BadRequest("The conversation is closed; start a new one.");
        }
        var template = actor.Kind == ActorKind.Visitor ? null : await ChosenTemplate(message);
        var attachments = template is null ? MessageAttachments.Validate(message.Attachments) : null;
        var text = template is null ? MessageText.Normalize(message.Text, required: attachments is null) : null;
        if (actor.Kind != ActorKind.Visitor && template is null)
        {
            EnsureChannelTakes(actor, text);
        }
        var seq = _history.LastSeq + 1;
        var now = clock.GetUtcNow();
        var evt = actor.Kind == ActorKind.Visitor
            ? ConversationEvents.VisitorMessage(seq, now, message.ClientId, _history.VisitorName, text, attachments)
            : template is not null
                ? ConversationEvents.TemplateMessage(seq, now, actor, message.ClientId, template)
                : ConversationEvents.OperatorMessage(seq, now, actor,
                    message with { QuickReplies = QuickReplyButtons.Normalize(message.QuickReplies), Attachments = attachments }, text);
        var firstAnswer = evt.From == Senders.Operator && _history.FirstAnswerAt is null;
        await Append([evt]);
        if (evt.From == Senders.Visitor && text is not null)
        {
            await HelpWhileWaiting(text);
        }
        if (firstAnswer)
        {
            var firstResponse = now - _history.StartedAt;
            QueueGrain(_history.Queue).Answered(firstResponse, _history.Channel).Ignore();
            Operator(actor.Id).Answered(firstResponse).Ignore();
        }
        return new AppendResult(_id, seq);
    }

    public async Task ReportDelivery(string messageId, string status, string? error)
    {
        if (!_history.Exists || !DeliveryStatus.IsKnown(status) || !DeliveryProgress.Advances(_history.DeliveryOf(messageId), status))
        {
            return;
        }
        await Append([ConversationEvents.Delivery(_history.LastSeq + 1, clock.GetUtcNow(), messageId, status, error)]);
    }

    public async Task<AppendResult> RecordCall(CallUpdate update)
    {
        EnsureExists();
        if (_history.Channel != ChannelNames.Phone || !CallStates.IsKnown(update.State))
        {
            throw SwitchboardException.BadRequest("Only a phone conversation has calls, and a call is offered, answered or ended.");
        }
        var call = ConversationEvents.Call(_history.LastSeq + 1, clock.GetUtcNow(), update);
        if (await StoredSeqOf(call.ClientId!) is { } stored)
        {
            return new AppendResult(_id, stored);
        }
        await Append([call]);
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task DeclineCall(Actor actor)
    {
        EnsureExists();
        if (_history is not { Channel: ChannelNames.Phone, Status: ConversationStatus.Assigned, WaitingCallId: not null }
            || actor.Kind is not (ActorKind.Operator or ActorKind.Supervisor) || actor.Id != _history.OperatorId)
        {
            throw SwitchboardException.BadRequest("Only the operator a call rings for can decline it.");
        }
        var (operatorId, operatorName) = (_history.OperatorId!, _history.OperatorName);
        await Append([ConversationEvents.Unassigned(_history.LastSeq + 1, clock.GetUtcNow(), operatorId, operatorName, UnassignReasons.Declined)]);
        Enqueue(_history.Queue);
        await FreeSeat(operatorId, UnassignReasons.Declined);
        CallMovedOn();
    }

    /// <summary>The caller still on the line lost the operator it rang for: their call rings the next one or hears the menu.</summary>
    private void CallMovedOn()
    {
        if (_history.WaitingCallId is { } callId)
        {
            GrainFactory.Grain<Contracts.Calls.ICallGrain>(GrainKeys.Call(_site, callId)).MovedOn().Ignore();
        }
    }

    /// <summary>
    /// Hands what a messenger contact must see to the outbox; durable there before the sender is acknowledged. The
    /// events are stored whatever happens here: an outbox that could not be reached is caught up with before the
    /// conversation's next call (and on its next activation).
    /// </summary>
    private async Task RelayStored(IReadOnlyList<ConversationEvent> stored)
    {
        try
        {
            await RelayOutward(stored);
        }
        catch (Exception error)
        {
            _relayStale = true;
            logger.LogWarning(error, "Could not hand conversation {Conversation}'s message to its outbox; retrying before its next call", _key);
        }
    }

    private async Task RelayOutward(IReadOnlyList<ConversationEvent> stored)
    {
        if (!ChannelRelay.Relays(_history.Channel) || _history.ContactId is not { } contact)
        {
            return;
        }
        foreach (var evt in stored)
        {
            if (ChannelRelay.ToOutbound(evt, _history.Language, _history.Channel) is { } outbound)
            {
                await Outbox().Enqueue(_history.Channel, contact, WithWindow(outbound));
            }
        }
    }

    /// <summary>
    /// After a restart: the latest messages whose outcome never came back go to the outbox again. It sends only those it
    /// does not hold or know, and tells again the outcome of those it does.
    /// </summary>
    private async Task ResumeRelays()
    {
        if (!ChannelRelay.Relays(_history.Channel))
        {
            return;
        }
        var latest = await log.ReadAsync(_key, Math.Max(0, _history.LastSeq - RelayCatchUp), RelayCatchUp);
        var unanswered = latest
            .Where(e => ChannelRelay.ToOutbound(e, _history.Language, _history.Channel) is not null && _history.DeliveryOf(ChannelRelay.MessageIdOf(e)) is null)
            .ToList();
        _relayStale = false;
        await RelayStored(unanswered);
    }

    private IChannelOutboxGrain Outbox() => GrainFactory.Grain<IChannelOutboxGrain>(GrainKeys.Outbox(_site, _id));
}
