using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Grains.Conversations;

/// <summary>The conversation's routing half: transfers, callbacks, overflow replies and the timer state machine.</summary>
public sealed partial class ConversationGrain
{
    private static readonly string[] OverflowActions = ["callback", "leave_message"];

    public async Task<AppendResult> Transfer(Actor actor, string? toOperator, string? toQueue, string? note)
    {
        EnsureExists();
        ConversationAccess.EnsureCanHandle(actor, _site, _history);
        if (_history.Status == ConversationStatus.Closed)
        {
            throw SwitchboardException.BadRequest("The conversation is closed.");
        }
        if ((toOperator is null) == (toQueue is null))
        {
            throw SwitchboardException.BadRequest("Transfer to either an operator or a queue.");
        }
        var transferred = ConversationEvents.Transferred(_history.LastSeq + 1, clock.GetUtcNow(), actor, MessageText.Normalize(note, required: false));
        var (previous, wasQueued, fromQueue) = (_history.OperatorId, _history.Status == ConversationStatus.Queued, _history.Queue);
        var call = _history.Channel == ChannelNames.Phone ? _history.ConnectedCallId ?? _history.WaitingCallId : null;
        var site = await _config.Get();
        if (toOperator is not null)
        {
            var target = await TransferToOperator(site, transferred, toOperator);
            CallTransferred(call, target.Login, target.Name, _history.Queue);
        }
        else
        {
            var queue = site.FindQueue(toQueue!) ?? throw SwitchboardException.BadRequest($"No queue '{toQueue}' on this site.");
            await Append([transferred.ToQueue(queue.Id), .. CallOfferedAgain(transferred.Seq + 1)]);
            CallTransferred(call, null, null, queue.Id);
            Enqueue(queue.Id);
        }
        if (previous is not null)
        {
            await FreeSeat(previous, UnassignReasons.Transfer);
        }
        if (wasQueued && (toOperator is not null || fromQueue != toQueue))
        {
            QueueGrain(fromQueue).Withdraw(_id).Ignore();
        }
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task<AppendResult> RequestCallback(Actor actor, string clientId, string phone)
    {
        if (await RetriedSend(actor, clientId) is { } stored)
        {
            return stored;
        }
        if (actor.Kind != ActorKind.Visitor || _history.Status == ConversationStatus.Closed)
        {
            throw SwitchboardException.BadRequest("Only the visitor of an open conversation asks for a callback.");
        }
        if (!PhonePattern().IsMatch(phone))
        {
            throw SwitchboardException.BadRequest("That does not look like a phone number.");
        }
        await Append([ConversationEvents.Callback(_history.LastSeq + 1, clock.GetUtcNow(), clientId, phone.Trim())]);
        if (_history.Status == ConversationStatus.Queued)
        {
            QueueGrain(_history.Queue).Callback(_id, phone.Trim()).Ignore();
        }
        return new AppendResult(_id, _history.LastSeq);
    }

    public async Task Overflow(string reason, int? etaSeconds)
    {
        if (_history.Status != ConversationStatus.Queued || _history.OverflowReason == reason)
        {
            return;
        }
        var settings = await Settings();
        await Append([ConversationEvents.SystemMessage(_history.LastSeq + 1, clock.GetUtcNow(), MessageKinds.Auto,
            SystemTexts.Overflow(reason, _history.Language, etaSeconds, WorkingHoursCalendar.Describe(settings.Hours)), reason, OverflowActions)]);
    }

    /// <summary>
    /// A caller talking to an operator, transferred to a queue, is offered again there: the next operator's console rings
    /// and their Accept puts the caller through, as for a new call.
    /// </summary>
    private IEnumerable<ConversationEvent> CallOfferedAgain(long seq)
    {
        if (_history is { Channel: ChannelNames.Phone, ConnectedCallId: { } connected })
        {
            yield return ConversationEvents.Call(seq, clock.GetUtcNow(), new CallUpdate($"transfer-{seq}", connected, CallStates.Offered) { From = _history.ContactId });
        }
    }

    /// <summary>The call on the line moves with its conversation: the call grain pushes the matching command to the PBX.</summary>
    private void CallTransferred(string? callId, string? operatorId, string? operatorName, string queue)
    {
        if (callId is not null)
        {
            // One-way: the call grain may itself be waiting on this conversation.
            GrainFactory.Grain<Contracts.Calls.ICallGrain>(GrainKeys.Call(_site, callId)).Transferred(operatorId, operatorName, queue).Ignore();
        }
    }

    private async Task<OperatorAccount> TransferToOperator(SiteConfig site, ConversationEvent transferred, string toOperator)
    {
        if (toOperator == _history.OperatorId)
        {
            throw SwitchboardException.BadRequest("The conversation is already theirs.");
        }
        var target = site.FindOperator(toOperator) ?? throw SwitchboardException.BadRequest($"No operator '{toOperator}' on this site.");
        if (!await Operator(target.Login).TryReserve(_id, CallSeats.ClaimFor(_history.Channel, site, site.FindQueue(_history.Queue))))
        {
            throw SwitchboardException.BadRequest($"{target.Name} is not online with a free slot.");
        }
        await Append([
            transferred.ToOperator(target.Login, target.Name),
            Assigned(target.Login, target.Name, AssignmentReasons.Transfer) with { Seq = transferred.Seq + 1 },
        ]);
        Operator(target.Login).Confirm(_id).Ignore();
        Visitor().Served(target.Login).Ignore();
        return target;
    }

    /// <summary>Arms one timer for the earliest deadline, and keeps a reminder while any deadline is pending.</summary>
    private async Task ArmDeadlines()
    {
        var next = ConversationDeadlines.Of(_history, await Settings(), _visitorGoneSince).Earliest;
        if (next != _armedFor)
        {
            // Most messages leave the earliest deadline where it was; an exchange moves it with every message. One
            // timer serves the activation and is moved, not replaced: a message costs no new timer and no disposal.
            _armedFor = next;
            var wait = WaitFor(next);
            if (_deadlineTimer is not null)
            {
                _deadlineTimer.Change(wait, Timeout.InfiniteTimeSpan);
            }
            else if (next is not null)
            {
                _deadlineTimer = this.RegisterGrainTimer(OnDeadlineTimer, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
            }
        }
        KeepReminder(next is not null);
    }

    /// <summary>How long from now until <paramref name="due"/> (none when it has passed); never, for no deadline.</summary>
    private TimeSpan WaitFor(DateTimeOffset? due) => due is { } at
        ? at - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
        : Timeout.InfiniteTimeSpan;

    private Task OnDeadlineTimer()
    {
        if (_armedFor is { } due)
        {
            metrics.TimerFired(TimerNames.Deadline, clock.GetUtcNow() - due);
        }
        return OnDeadline();
    }

    /// <summary>Does whatever is due: close an abandoned or idle chat, reassign an unanswered one, send a hold message.</summary>
    private async Task OnDeadline()
    {
        // The timer has fired, or the reminder came first: stopped either way; the next ArmDeadlines sets it again.
        _armedFor = null;
        _deadlineTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var settings = await Settings();
        var now = clock.GetUtcNow();
        var due = ConversationDeadlines.Of(_history, settings, _visitorGoneSince);
        if (due.Abandon <= now)
        {
            await Close(Actor.System(_site), tags: null, CloseReasons.Abandoned);
            return;
        }
        if (due.NoAnswer <= now)
        {
            await Unanswered();
        }
        else if (due.Inactivity <= now)
        {
            await Close(Actor.System(_site));
            return;
        }
        if (ConversationDeadlines.Of(_history, settings).Hold <= now)
        {
            await Append([ConversationEvents.SystemMessage(_history.LastSeq + 1, now, MessageKinds.Hold, HoldPlan.Text(settings.Hold, _history.HoldsSent))]);
        }
        await ArmDeadlines();
    }

    /// <summary>The operator did not answer in time: the chat goes back to the queue, ahead of newer ones, never to them again.</summary>
    private async Task Unanswered()
    {
        var (operatorId, operatorName) = (_history.OperatorId!, _history.OperatorName);
        await Append([ConversationEvents.Unassigned(_history.LastSeq + 1, clock.GetUtcNow(), operatorId, operatorName, UnassignReasons.NoAnswer)]);
        // Back in the queue first: whatever happens to the call below, the visitor is not stranded.
        Enqueue(_history.Queue);
        CallMovedOn();
        try
        {
            await Operator(operatorId).Missed(_id);
        }
        catch (Exception error) when (error is not SwitchboardException)
        {
            logger.LogWarning(error, "Could not tell {Operator} they missed conversation {Conversation}; their audit frees the seat", operatorId, _key);
        }
    }

    /// <summary>
    /// Keeps the crash-safety reminder in step with the deadlines, behind the call that changed them: the reminder
    /// table's disk sync is not part of a chat's start or close, and an assignment, which waits for this grain's turn
    /// to end, does not wait for it either (docs/routing.md, "Durability"). Changes run one after another in the order
    /// asked, and a deactivation waits for the last. A failure (a slow reminder table) fails nothing: the grain timer
    /// still fires, and the next change tries the reminder again.
    /// </summary>
    private void KeepReminder(bool needed)
    {
        if (needed == _reminderWanted)
        {
            return;
        }
        _reminderWanted = needed;
        _reminderChange = ChangeReminder(_reminderChange, needed);
    }

    private async Task ChangeReminder(Task previous, bool needed)
    {
        await previous;
        try
        {
            if (needed)
            {
                await this.RegisterOrUpdateReminder(DeadlineReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }
            else if (await this.GetReminder(DeadlineReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The deadline reminder of conversation {Conversation} could not be {Change}; it is retried at the next change",
                _key, needed ? "registered" : "removed");
            if (_reminderWanted == needed)
            {
                _reminderWanted = !needed;
            }
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,19}$")]
    private static partial Regex PhonePattern();
}
