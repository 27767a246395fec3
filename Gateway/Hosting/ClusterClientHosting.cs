using Orleans.Configuration;
using Switchboard.Gateway.Health;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Cluster mode: the gateway holds no grains. It is an Orleans client that finds the silos through Redis
/// membership, and any number of gateways can run side by side behind a load balancer.
/// </summary>
public static class ClusterClientHosting
{
    /// <summary>Bound onto Orleans' own <see cref="Orleans.Configuration.GatewayOptions"/> (e.g. <c>GatewayListRefreshPeriod</c>).</summary>
    public const string GatewaysSection = "Cluster:Gateways";

    /// <summary>Bound onto Orleans' <see cref="ClientMessagingOptions"/> (e.g. <c>ResponseTimeout</c>).</summary>
    public const string MessagingSection = "Cluster:Messaging";

    public static WebApplicationBuilder UseSwitchboardClusterClient(this WebApplicationBuilder builder, ClusterModeOptions cluster)
    {
        var redis = cluster.RequireRedis();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = cluster.ServiceId;
                options.ClusterId = cluster.ClusterId;
            });
            client.UseRedisClustering(redis);
            client.Configure<Orleans.Configuration.GatewayOptions>(builder.Configuration.GetSection(GatewaysSection));
            client.Configure<ClientMessagingOptions>(builder.Configuration.GetSection(MessagingSection));
            client.AddClusterConnectionStatusObserver<SiloLossObserver>();
            client.UseConnectionRetryFilter<WaitForCluster>();
            // Serves the dashboard's pages from the silos' dashboard grains (GatewayPipeline maps them).
            client.AddSwitchboardDashboard(builder.Configuration);
        });
        // The database: readiness checks the event log, and the gateways share their token key ring there.
        builder.Services.AddSwitchboardPostgres(builder.Configuration, cluster.RequirePostgres());
        builder.Services.AddHostedService<MembershipWatcher>();
        builder.Services.AddHealthChecks().AddCheck<MembershipTableHealthCheck>("membership", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
