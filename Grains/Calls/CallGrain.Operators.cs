using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Queues;

namespace Switchboard.Grains.Calls;

/// <summary>What operators do to a call between the PBX's events (accept, transfer, not answer), pushed to the PBX.</summary>
public sealed partial class CallGrain
{
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
        if (!await PushAsync([PhoneCommand.Connect(operatorId, operatorName)]))
        {
            throw new SwitchboardException(ErrorCodes.Unavailable, "The phone system did not take the call's connect; try again.");
        }
        // A call an operator transferred to a queue was answered once already: its figures count it once.
        var firstAnswer = !Call.AnswerRecorded;
        Call.Stage = CallStage.Connected;
        (Call.OperatorId, Call.OperatorName, Call.AnswerRecorded) = (operatorId, operatorName, true);
        await state.WriteStateAsync();
        // The figures before the transcript: once the operator sees the call answered, the supervisors' figures show it.
        if (firstAnswer)
        {
            await Figures().Answered(_callId, clock.GetUtcNow() - Call.OfferedAt);
        }
        else
        {
            await Figures().StoppedWaiting(_callId);
        }
        await Conversation().RecordCall(new CallUpdate($"accept:{_callId}:{Call.Requeued}", _callId, CallStates.Answered)
        {
            OperatorId = operatorId, OperatorName = operatorName,
        });
    }

    public async Task Transferred(string? operatorId, string? operatorName, string queue)
    {
        var moved = Call.Stage is CallStage.Menu or CallStage.Ringing or CallStage.Waiting && queue != Call.Queue;
        if (moved)
        {
            // Still waiting for an operator: from now on it waits (and is answered or abandoned) in the new queue's figures.
            await Figures().StoppedWaiting(_callId);
            Call.Queue = queue;
            await Figures().Waiting(_callId);
        }
        IReadOnlyList<PhoneCommand> commands = (Call.Stage, operatorId) switch
        {
            (CallStage.Connected, { } id) => [PhoneCommand.Connect(id, operatorName ?? id)],
            (CallStage.Connected, null) => CallMenu.TransferredToQueue(Call.Language, queue),
            (CallStage.Ringing or CallStage.Waiting, null) => [PhoneCommand.Enqueue(queue)],
            // Ringing or waiting for another operator: the caller is already held, and that operator's Accept connects them.
            // In the menu the caller is not held at all; ended is over.
            _ => [],
        };
        var pushed = commands.Count > 0 && await PushAsync(commands);
        if (commands.Count > 0 && !pushed)
        {
            logger.LogWarning("Call {Site}/{Call} was transferred, but the PBX did not take the {Command}: the caller stays where they were",
                _site, _callId, commands[^1].Type);
        }
        if (!pushed)
        {
            if (moved)
            {
                await state.WriteStateAsync();
            }
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
            // Answered in the first queue's figures; waiting in the new one's until its operator takes it.
            Call.Queue = queue;
            await Figures().Waiting(_callId);
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
        // The conversation's queue, the one that routes it.
        await RoutedAsync((await Conversation().GetSnapshot(Actor.System(_site))).Queue);
        if ((await Conversation().GetSnapshot(Actor.System(_site))).OperatorId is not null)
        {
            return;
        }
        Call.Stage = CallStage.Menu;
        await state.WriteStateAsync();
        if (!await PushAsync(CallMenu.NobodyAnswered(Call.Language)))
        {
            logger.LogWarning("Call {Site}/{Call}: nobody took it, and the PBX was not told to play the menu", _site, _callId);
        }
    }

    /// <summary>
    /// Commands for the call between its events, to whatever carries the call: the generic adapter's PBX at its
    /// <c>commandUrl</c>, or the gateway holding the site's ARI connection.
    /// </summary>
    private Task<bool> PushAsync(IReadOnlyList<PhoneCommand> commands) => Call.Adapter == PhoneAdapters.Ari
        ? GrainFactory.Grain<IAriLineGrain>(GrainKeys.AriLine(_site)).Push(_callId, commands)
        : pbx.PushAsync(_site, _callId, commands, CancellationToken.None);
}
