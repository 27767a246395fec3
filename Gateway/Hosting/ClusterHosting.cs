using Switchboard.Gateway.Sites;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// How the gateway reaches the grains, as <c>Cluster:Mode</c> says. Standalone (the default): it co-hosts one
/// silo in-process. Cluster: it is an Orleans client of a silo cluster.
/// </summary>
public static class ClusterHosting
{
    public static WebApplicationBuilder AddSwitchboardCluster(this WebApplicationBuilder builder)
    {
        var cluster = ClusterModeOptions.From(builder.Configuration);
        if (cluster.IsCluster)
        {
            builder.UseSwitchboardClusterClient(cluster);
        }
        else
        {
            builder.UseOrleans(silo => silo.UseSwitchboardStandalone(builder.Configuration));
        }
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<ConfiguredSites>();
        return builder;
    }
}
