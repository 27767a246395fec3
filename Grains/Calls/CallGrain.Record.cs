using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Grains.Calls;

/// <summary>The call's events as the conversation records them: answered by whom, ended how.</summary>
public sealed partial class CallGrain
{
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
}
