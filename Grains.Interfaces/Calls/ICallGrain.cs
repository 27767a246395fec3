namespace Switchboard.Contracts.Calls;

/// <summary>One phone call (key <c>{site}/p:{callId}</c>): its state machine, answering each of the PBX's events.</summary>
[Alias("Switchboard.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>
    /// What the PBX should do after <paramref name="evt"/>: connect the caller, walk the overflow menu, take a callback.
    /// A redelivered event (same id) gets the first answer again and changes nothing.
    /// </summary>
    [Alias("Handle")]
    Task<CallAnswer> Handle(PhoneEvent evt);

    /// <summary>
    /// An operator's call back to <paramref name="phone"/> for conversation <paramref name="conversationId"/> is being
    /// started: this call's events are then recorded on that conversation; <paramref name="operatorId"/>, who pressed it,
    /// is rung once the customer picks up (<see cref="CallProgress.CallBackOperator"/>).
    /// </summary>
    [Alias("CallingBack")]
    Task CallingBack(string conversationId, string phone, string? operatorId = null);

    /// <summary>
    /// The operator whose console rings takes the call: it is recorded as answered by them and the PBX is told to
    /// <c>connect</c> the caller (a command pushed to its <c>commandUrl</c>). Refused when the call is not theirs to take.
    /// </summary>
    [Alias("Accept")]
    Task Accept(string operatorId, string operatorName);

    /// <summary>
    /// The call's conversation left the operator it rang for (declined, or no answer within the queue's limit): ring the
    /// next one, or, with nobody free, push the overflow menu to the PBX.
    /// </summary>
    [Alias("MovedOn"), OneWay]
    Task MovedOn();

    /// <summary>
    /// The call's conversation was transferred (to <paramref name="operatorId"/>, or else to <paramref name="queue"/>): a
    /// caller talking to an operator is connected to the new one, or held in the new queue until its next operator
    /// accepts; a caller held in a queue is held in the new one. The matching commands are pushed to the PBX.
    /// </summary>
    [Alias("Transferred"), OneWay]
    Task Transferred(string? operatorId, string? operatorName, string queue);

    /// <summary>
    /// Where the call is now: what an adapter that restarted needs to take a call it finds still up where it is,
    /// rather than offering it again (a caller talking to an operator must not be told "connecting you" and held).
    /// </summary>
    [Alias("GetProgress")]
    Task<CallProgress> GetProgress();
}
