using Orleans.Runtime;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

public sealed class SiteGrain(
    [PersistentState(StorageNames.SiteState, StorageNames.Provider)] IPersistentState<SiteState> state)
    : Grain, ISiteGrain
{
    public Task<SiteConfig?> GetConfig() => Task.FromResult(state.State.Config);

    public async Task<bool> CreateIfAbsent(SiteConfig config)
    {
        if (state.State.Config is not null)
        {
            return false;
        }
        state.State.Config = config;
        await state.WriteStateAsync();
        return true;
    }
}
