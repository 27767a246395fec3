using Orleans.Runtime;
using Switchboard.Contracts.Calls;

namespace Switchboard.Grains.Calls;

/// <summary>Counts one queue's calls for supervisors. Kept apart from the queue grain so calls never slow its routing.</summary>
public sealed class CallFiguresGrain(
    [PersistentState(StorageNames.CallFiguresState, StorageNames.Provider)] IPersistentState<CallFiguresState> state)
    : Grain, ICallFiguresGrain
{
    private CallFiguresState Figures => state.State;

    public Task Waiting(string callId) => Figures.Waiting.Add(callId) ? state.WriteStateAsync() : Task.CompletedTask;

    public Task Answered(string callId, TimeSpan afterWaiting)
    {
        Figures.Waiting.Remove(callId);
        Figures.Answered++;
        Figures.AnswerSecondsTotal += afterWaiting.TotalSeconds;
        return state.WriteStateAsync();
    }

    public Task Abandoned(string callId)
    {
        Figures.Waiting.Remove(callId);
        Figures.Abandoned++;
        return state.WriteStateAsync();
    }

    public Task CallbackRequested(string callId)
    {
        Figures.Waiting.Remove(callId);
        Figures.CallbacksPending++;
        return state.WriteStateAsync();
    }

    public Task CalledBack()
    {
        Figures.CallbacksPending = Math.Max(0, Figures.CallbacksPending - 1);
        return state.WriteStateAsync();
    }

    public Task<CallFigures> GetFigures() => Task.FromResult(new CallFigures(
        GrainKeys.Parse(this.GetPrimaryKeyString()).Id, Figures.Waiting.Count, Figures.Answered, Figures.Abandoned,
        Figures.Answered == 0 ? null : Figures.AnswerSecondsTotal / Figures.Answered, Figures.CallbacksPending));
}
