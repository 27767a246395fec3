using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>
/// This silo's copy of each site's configuration, shared by every grain on it and read from the site's grain again
/// once it is older than <see cref="RoutingDefaults.ConfigRefreshSeconds"/> — by one call, however many grains ask
/// at once. Each grain used to keep a copy of its own, so a site's one grain answered a call per grain per interval:
/// every browsing visitor's page view or invitation check past the interval was a call to it (15,000 idle visitors
/// made about 250 a second; docs/benchmarks.md, 2026-12-06 12:00), a ceiling for a big site's traffic. The
/// configuration is <see cref="ImmutableAttribute"/>, so one object serves every grain.
/// </summary>
public sealed class SiteConfigs(IGrainFactory grains, TimeProvider clock, IOptions<RoutingDefaults> defaults)
{
    private readonly ConcurrentDictionary<string, Read> _sites = new(StringComparer.Ordinal);
    private readonly Lock _reading = new();
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(defaults.Value.ConfigRefreshSeconds);

    /// <summary>The site's configuration, at most the refresh interval old; <c>not_found</c> for no such site.</summary>
    public ValueTask<SiteConfig> Get(string site)
    {
        var read = Current(site);
        return read.Config.IsCompletedSuccessfully && read.Config.Result is { } config
            ? ValueTask.FromResult(config)
            : new ValueTask<SiteConfig>(Await(read.Config, site));
    }

    /// <summary>
    /// Called by the site's grain on the silo that stored a change: grains here see it at once, as a grain that read
    /// its own copy after the change did. Other silos see it within the refresh interval.
    /// </summary>
    public void Changed(string site, SiteConfig config) => _sites[site] = new Read(clock.GetUtcNow(), Task.FromResult<SiteConfig?>(config));

    private Read Current(string site)
    {
        if (_sites.TryGetValue(site, out var known) && IsUsable(known))
        {
            return known;
        }
        lock (_reading)
        {
            // Whoever found it stale first started the read; the rest wait for that one.
            if (_sites.TryGetValue(site, out known) && IsUsable(known))
            {
                return known;
            }
            var read = new Read(clock.GetUtcNow(), grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig());
            _sites[site] = read;
            return read;
        }
    }

    /// <summary>Fresh, and not a failure or an absent site (those are asked again at the next call, as before).</summary>
    private bool IsUsable(Read read) =>
        clock.GetUtcNow() - read.At < _refresh && !read.Config.IsFaulted && !read.Config.IsCanceled
        && !(read.Config.IsCompletedSuccessfully && read.Config.Result is null);

    private static async Task<SiteConfig> Await(Task<SiteConfig?> read, string site) =>
        await read ?? throw SwitchboardException.NotFound($"No site '{site}'.");

    private sealed record Read(DateTimeOffset At, Task<SiteConfig?> Config);
}
