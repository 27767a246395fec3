using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The size of the silo's cache of where other silos' grains live. Orleans' default is a million entries, and its
/// cache makes its dictionary at that capacity; the directory's cache-size gauge then walks all of those buckets
/// with LINQ once a second for every meter provider listening, the Orleans Dashboard's included. On a busy
/// standalone gateway that walk was 6.5 % of the process's CPU, in one burst a second (docs/benchmarks.md).
/// </summary>
public static class DirectoryCacheDefaults
{
    /// <summary>Bound onto Orleans' <see cref="GrainDirectoryOptions"/> (<c>CacheSize</c>, <c>CachingStrategy</c>, <c>MaximumCacheTTL</c>).</summary>
    public const string Section = "Cluster:GrainDirectory";

    /// <summary>
    /// Enough for the grains a silo calls on other silos at a large retailer's peak (the chats, queues and operators in
    /// play, not every visitor ever seen); a miss costs one directory lookup, not a failure.
    /// </summary>
    public const int ClusterCacheSize = 100_000;

    /// <summary>A cluster silo: a bounded cache, tunable under <see cref="Section"/>.</summary>
    public static ISiloBuilder UseClusterDirectoryCache(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.Configure<GrainDirectoryOptions>(options =>
        {
            options.CacheSize = ClusterCacheSize;
            configuration.GetSection(Section).Bind(options);
        });

    /// <summary>
    /// The fewest entries Orleans accepts for a cache. Its locator for grains kept in a directory of their own (none
    /// here) makes its cache at <c>CacheSize</c> whatever the caching strategy, and the same gauge walks it.
    /// </summary>
    public const int SmallestCacheSize = 3;

    /// <summary>
    /// The standalone silo is alone: every grain is its own, so there is nothing elsewhere to cache. The size matters
    /// as well as the strategy: with the strategy alone the locator's million-slot cache was still walked every second
    /// (6.5 % of the gateway's CPU under 100 chat starts a second, docs/benchmarks.md).
    /// </summary>
    public static ISiloBuilder UseNoDirectoryCache(this ISiloBuilder silo) =>
        silo.Configure<GrainDirectoryOptions>(options =>
        {
            options.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;
            options.CacheSize = SmallestCacheSize;
        });
}
