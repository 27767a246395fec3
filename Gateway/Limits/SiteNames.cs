using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// The site a public request names, looked up so that made-up names cost the cluster nothing: a name that is not a
/// site id is refused without a grain call, and one the cluster said it does not know is refused from memory for
/// <see cref="ForgetUnknownAfter"/> (so a site created meanwhile is found within that).
/// </summary>
public sealed partial class SiteNames(IGrainFactory grains, IOptions<ClientLimits> options, TimeProvider clock)
{
    public static readonly TimeSpan ForgetUnknownAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _unknown = new(StringComparer.Ordinal);

    /// <summary>The site's configuration, or null when there is no such site.</summary>
    public async Task<SiteConfig?> FindAsync(string? site)
    {
        if (string.IsNullOrEmpty(site) || !SiteId().IsMatch(site))
        {
            return null;
        }
        if (_unknown.TryGetValue(site, out var since) && clock.GetElapsedTime(since) < ForgetUnknownAfter)
        {
            return null;
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
        if (config is null)
        {
            Remember(site);
        }
        else
        {
            _unknown.TryRemove(site, out _);
        }
        return config;
    }

    /// <summary>Unknown names seen lately, for the tests and the bound.</summary>
    public int RememberedUnknown => _unknown.Count;

    private void Remember(string site)
    {
        var max = options.Value.UnknownSitesRemembered;
        if (_unknown.Count >= max)
        {
            // Many different made-up names: start over rather than grow. Well-formed names still cost one call each.
            _unknown.Clear();
        }
        if (max > 0)
        {
            _unknown[site] = clock.GetTimestamp();
        }
    }

    /// <summary>The site id format of docs/configuration.md: 2–40 of a–z, 0–9 and '-', starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SiteId();
}
