using Orleans.Runtime;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>
/// The list of sites. Site names are not personal, and the key names no site, so the state is stored as it is.
/// The version is the list's length: sites are only ever added, so a node holding as many names holds them all.
/// </summary>
public sealed class SiteDirectoryGrain(
    [PersistentState(StorageNames.SiteDirectoryState, StorageNames.Provider)] IPersistentState<SiteDirectoryState> state)
    : Grain, ISiteDirectoryGrain
{
    private KnownSiteList? _list;

    public Task<KnownSiteList?> GetIfChanged(long version)
    {
        _list ??= new KnownSiteList(state.State.Sites.Count, [.. state.State.Sites]);
        return Task.FromResult(version == _list.Version ? null : _list);
    }

    public async Task Add(string site)
    {
        if (!state.State.Sites.Add(site))
        {
            return;
        }
        _list = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it here too, so the caller's retry writes it.
            state.State.Sites.Remove(site);
            throw;
        }
    }
}
