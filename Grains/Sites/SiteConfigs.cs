using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>
/// This silo's copy of each site's configuration, shared by every grain on it. Each grain used to keep a copy of its
/// own, so a site's one grain answered a call per grain per refresh interval: every browsing visitor's page view or
/// invitation check past the interval was a call to it (15,000 idle visitors made about 250 a second;
/// docs/benchmarks.md, 2026-12-06 12:00), a ceiling for a big site's traffic. Now one call per site per interval
/// refreshes the silo's copy, and it is made behind: a copy past its interval is still handed out while the read runs,
/// so no grain waits for it — only the first read of a site is waited for. The configuration is
/// <see cref="ImmutableAttribute"/>, so one object serves every grain.
/// </summary>
public sealed class SiteConfigs(IGrainFactory grains, TimeProvider clock, IOptions<RoutingDefaults> defaults)
{
    private readonly ConcurrentDictionary<string, Copy> _sites = new(StringComparer.Ordinal);
    private readonly Lock _reading = new();
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(defaults.Value.ConfigRefreshSeconds);

    /// <summary>The site's configuration, read at most about the refresh interval ago; <c>not_found</c> for no such site.</summary>
    public ValueTask<SiteConfig> Get(string site)
    {
        if (_sites.TryGetValue(site, out var copy) && copy.Config is { } config)
        {
            if (copy.Pending is null && clock.GetUtcNow() - copy.ReadAt >= _refresh)
            {
                Read(site);
            }
            return ValueTask.FromResult(config);
        }
        return new ValueTask<SiteConfig>(FirstReadAsync(site));
    }

    /// <summary>
    /// Called by the site's grain on the silo that stored a change: grains here see it at once, as a grain that read
    /// its own copy after the change did. Other silos see it when their copy is next read.
    /// </summary>
    public void Changed(string site, SiteConfig config)
    {
        lock (_reading)
        {
            _sites[site] = new Copy(config, clock.GetUtcNow(), Pending: null);
        }
    }

    private async Task<SiteConfig> FirstReadAsync(string site) =>
        await Read(site) ?? throw SwitchboardException.NotFound($"No site '{site}'.");

    /// <summary>The read in progress for the site, or a new one: one at a time per site, whoever asks.</summary>
    private Task<SiteConfig?> Read(string site)
    {
        lock (_reading)
        {
            var copy = _sites.GetValueOrDefault(site);
            if (copy?.Pending is { } pending)
            {
                return pending;
            }
            var startedAt = clock.GetUtcNow();
            var read = grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig();
            _sites[site] = new Copy(copy?.Config, copy?.ReadAt ?? startedAt, read);
            read.ContinueWith(done => Settle(site, done, startedAt), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return read;
        }
    }

    /// <summary>
    /// Keeps what the read found, unless a change stored here meanwhile replaced the copy. A failed read keeps the copy
    /// there was (the next call tries again); no such site leaves nothing, so its callers are told.
    /// </summary>
    private void Settle(string site, Task<SiteConfig?> read, DateTimeOffset startedAt)
    {
        // Observed here, whoever else awaits it: a read behind has nobody waiting for its failure.
        _ = read.Exception;
        lock (_reading)
        {
            if (!_sites.TryGetValue(site, out var copy) || !ReferenceEquals(copy.Pending, read))
            {
                return;
            }
            if (read.IsCompletedSuccessfully && read.Result is { } config)
            {
                _sites[site] = new Copy(config, startedAt, Pending: null);
            }
            else if (read.IsCompletedSuccessfully || copy.Config is null)
            {
                _sites.TryRemove(site, out _);
            }
            else
            {
                _sites[site] = copy with { Pending = null };
            }
        }
    }

    /// <summary>A site's configuration as last read (none before the first read ends), and the read in progress.</summary>
    private sealed record Copy(SiteConfig? Config, DateTimeOffset ReadAt, Task<SiteConfig?>? Pending);
}
