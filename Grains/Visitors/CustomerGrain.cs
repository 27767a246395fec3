using Orleans.Runtime;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Visitors;

/// <summary>A signed-in customer across browsers and devices: their last operator, for sticky routing.</summary>
public sealed class CustomerGrain(
    [PersistentState(StorageNames.CustomerState, StorageNames.Provider)] IPersistentState<CustomerState> state)
    : Grain, ICustomerGrain
{
    public Task<string?> GetLastOperator() => Task.FromResult(state.State.LastOperator);

    public async Task Served(string operatorId)
    {
        if (state.State.LastOperator != operatorId)
        {
            state.State.LastOperator = operatorId;
            await state.WriteStateAsync();
        }
    }
}
