using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>
/// A site's campaigns, in the order they were created. Campaigns made before this list existed are not in it: the first
/// activation reads them from the campaign store once (those with contacts, by their first contact's adding) and puts
/// them before the listed ones, which are newer.
/// </summary>
public sealed class CampaignListGrain(
    [PersistentState(StorageNames.CampaignListState, StorageNames.Provider)] IPersistentState<CampaignListState> state,
    ICampaignStore store)
    : Grain, ICampaignListGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.FilledFromStore)
        {
            return;
        }
        var (site, _) = GrainKeys.Parse(this.GetPrimaryKeyString());
        var listed = state.State.Ids.ToHashSet(StringComparer.Ordinal);
        var older = (await store.CampaignsAsync(site, cancellationToken)).Where(id => !listed.Contains(id));
        state.State.Ids = [.. older, .. state.State.Ids];
        state.State.FilledFromStore = true;
        await state.WriteStateAsync();
    }

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
