using Orleans.Runtime;
using Switchboard.Contracts.Calls;
using Switchboard.Grains.Storage;

namespace Switchboard.Grains.Calls;

/// <summary>
/// Counts one queue's calls for supervisors: answered, abandoned and the answer time per (UTC) day, like the chat
/// figures; waiting callers and pending callbacks as they are now. Kept apart from the queue grain so calls never slow
/// its routing. One grain per queue takes every call's updates, so its state is written behind (at most once a
/// <see cref="StateWriteBehind.Delay"/>, and on deactivation) instead of once per update: a call never waits on the disk for a
/// count, and a silo that dies loses at most the last second's counts.
/// </summary>
public sealed class CallFiguresGrain(
    [PersistentState(StorageNames.CallFiguresState, StorageNames.Provider)] IPersistentState<CallFiguresState> state,
    TimeProvider clock)
    : Grain, ICallFiguresGrain
{
    private StateWriteBehind _writes = null!;

    private CallFiguresState Figures => Today(state.State);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _writes = new StateWriteBehind(this, state.WriteStateAsync);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _writes.FlushAsync();

    /// <summary>The figures to read or add to: the day's counts start again at midnight UTC.</summary>
    private CallFiguresState Today(CallFiguresState figures)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (figures.Day != today)
        {
            figures.Day = today;
            figures.Answered = figures.Abandoned = 0;
            figures.AnswerSecondsTotal = 0;
        }
        return figures;
    }

    public Task Waiting(string callId) => Figures.Waiting.Add(callId) ? WriteSoon() : Task.CompletedTask;

    public Task Answered(string callId, TimeSpan afterWaiting)
    {
        Figures.Waiting.Remove(callId);
        Figures.Answered++;
        Figures.AnswerSecondsTotal += afterWaiting.TotalSeconds;
        return WriteSoon();
    }

    public Task Abandoned(string callId)
    {
        Figures.Waiting.Remove(callId);
        Figures.Abandoned++;
        return WriteSoon();
    }

    public Task StoppedWaiting(string callId) => Figures.Waiting.Remove(callId) ? WriteSoon() : Task.CompletedTask;

    public Task CallbackRequested(string callId)
    {
        Figures.Waiting.Remove(callId);
        Figures.CallbacksPending++;
        return WriteSoon();
    }

    public Task CalledBack()
    {
        Figures.CallbacksPending = Math.Max(0, Figures.CallbacksPending - 1);
        return WriteSoon();
    }

    private Task WriteSoon()
    {
        _writes.Soon();
        return Task.CompletedTask;
    }

    public Task<CallFigures> GetFigures()
    {
        var figures = Figures;
        return Task.FromResult(new CallFigures(
            GrainKeys.Parse(this.GetPrimaryKeyString()).Id, figures.Waiting.Count, figures.Answered, figures.Abandoned,
            figures.Answered == 0 ? null : figures.AnswerSecondsTotal / figures.Answered, figures.CallbacksPending));
    }
}
