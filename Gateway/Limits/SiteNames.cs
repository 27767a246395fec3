using System.Text.RegularExpressions;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// The site a public request names, checked so that made-up names cost the cluster nothing: a name that is not a
/// site id is refused as it is, and one missing from the list of sites (<see cref="KnownSites"/>) is refused before
/// any grain of that site is asked, so none is activated for it.
/// </summary>
public sealed partial class SiteNames(IGrainFactory grains, KnownSites known)
{
    /// <summary>True when the site exists.</summary>
    public async ValueTask<bool> ExistsAsync(string? site) =>
        !string.IsNullOrEmpty(site) && SiteId().IsMatch(site) && await known.ContainsAsync(site);

    /// <summary>The site's configuration, or null when there is no such site.</summary>
    public async Task<SiteConfig?> FindAsync(string? site) =>
        await ExistsAsync(site) ? await grains.Grain<ISiteGrain>(GrainKeys.Site(site!)).GetConfig() : null;

    /// <summary>The site id format of docs/configuration.md: 2–40 of a–z, 0–9 and '-', starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SiteId();
}
