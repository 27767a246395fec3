using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>The call's stage as an adapter that restarted reads it, to take the call up where it is.</summary>
public sealed partial class CallGrain
{
    public Task<CallProgress> GetProgress() => Task.FromResult(new CallProgress(
        Call.Stage switch
        {
            CallStage.Unknown => CallProgress.New,
            CallStage.Menu => CallProgress.Menu,
            CallStage.Ringing or CallStage.Waiting => CallProgress.Held,
            CallStage.Connected => CallProgress.Connected,
            _ => CallProgress.Over,
        },
        Call.Caller) { OperatorId = Call.OperatorId, CallBackOperator = Call.CallBackOperator });
}
