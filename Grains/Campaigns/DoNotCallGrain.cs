using Orleans.Runtime;
using Switchboard.Contracts.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>The way to a site's do-not-call list in the campaign store, from a gateway that has no store of its own (cluster mode).</summary>
[StatelessWorker]
public sealed class DoNotCallGrain(ICampaignStore store) : Grain, IDoNotCallGrain
{
    public Task Add(IReadOnlyList<string> phones) => store.AddDoNotCallAsync(this.GetPrimaryKeyString(), phones);

    public Task Remove(string phone) => store.RemoveDoNotCallAsync(this.GetPrimaryKeyString(), phone);
}
