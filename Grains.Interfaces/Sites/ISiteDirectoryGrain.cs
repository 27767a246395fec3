namespace Switchboard.Contracts.Sites;

/// <summary>
/// The names of every site that exists, one grain for the cluster (key <see cref="GrainKeys.SiteDirectory"/>), so a
/// node can refuse a made-up site name from its own copy of the list instead of activating a site grain to ask.
/// </summary>
[Alias("Switchboard.ISiteDirectoryGrain")]
public interface ISiteDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The list when it changed since <paramref name="version"/>; null when the caller's copy is current.</summary>
    [Alias("GetIfChanged"), ReadOnly]
    Task<KnownSiteList?> GetIfChanged(long version);

    /// <summary>Records that the site exists (idempotent). Called by the site grain when the site is created.</summary>
    [Alias("Add")]
    Task Add(string site);
}
