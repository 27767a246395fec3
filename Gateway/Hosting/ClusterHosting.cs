using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Hosting;

/// <summary>How the gateway reaches the grains. Standalone (the default): it co-hosts one silo in-process.</summary>
public static class ClusterHosting
{
    public static WebApplicationBuilder AddSwitchboardCluster(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.UseSwitchboardStandalone(builder.Configuration));
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
