using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Switchboard.Silo.Hosting;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// The grain directory's caches as each mode builds them (hosts built, not started). Orleans sizes every cache's
/// dictionary up front and walks it once a second for its size gauge, so the size is what costs.
/// </summary>
public sealed class DirectoryCacheTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public void The_standalone_silo_keeps_no_cache_and_the_smallest_one_Orleans_accepts_where_it_insists()
    {
        var options = DirectoryOptions(ClusterModeOptions.StandaloneMode);

        Assert.Equal(GrainDirectoryOptions.CachingStrategyType.None, options.CachingStrategy);
        Assert.Equal(DirectoryCacheDefaults.SmallestCacheSize, options.CacheSize);
    }

    [Fact]
    public void A_cluster_silo_keeps_a_bounded_cache_that_its_configuration_can_change()
    {
        Assert.Equal(DirectoryCacheDefaults.ClusterCacheSize, DirectoryOptions(ClusterModeOptions.ClusterMode).CacheSize);
        Assert.Equal(20_000, DirectoryOptions(ClusterModeOptions.ClusterMode, ("Cluster:GrainDirectory:CacheSize", "20000")).CacheSize);
    }

    public void Dispose() => _data.Dispose();

    private GrainDirectoryOptions DirectoryOptions(string mode, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = mode,
            ["Cluster:Redis"] = "127.0.0.1:1",
            ["Cluster:Postgres"] = "Host=127.0.0.1;Port=1;Database=none",
            ["Cluster:AdvertisedIP"] = "127.0.0.7",
            ["Storage:DataDirectory"] = _data.Path,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.UseOrleans(silo => silo.UseSwitchboard(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
    }
}
