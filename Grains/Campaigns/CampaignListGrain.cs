using Orleans.Runtime;
using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

public sealed class CampaignListGrain(
    [PersistentState(StorageNames.CampaignListState, StorageNames.Provider)] IPersistentState<CampaignListState> state)
    : Grain, ICampaignListGrain
{
    public async Task Add(string campaignId)
    {
        if (state.State.Ids.Contains(campaignId))
        {
            return;
        }
        state.State.Ids.Add(campaignId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> Newest(int count) =>
        Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Ids).Take(count)]);
}
