using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;

namespace Switchboard.Tests.Cluster;

/// <summary>The test's own Orleans client of a cluster under test: it asks where a grain lives, to kill that silo.</summary>
public sealed class ObserverClient(IHost host) : IAsyncDisposable
{
    private static readonly TimeSpan GatewayListCatchUp = TimeSpan.FromSeconds(20);

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ObserverClient> ConnectAsync(ClusterNodes nodes)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(nodes.Redis);
            // As the gateways: finds silos that rejoined (new addresses) within seconds, not the default minute.
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = nodes.ServiceId;
                options.ClusterId = nodes.ClusterId;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ObserverClient(host);
    }

    /// <summary>The silo port of the silo that hosts <paramref name="grain"/>'s activation now.</summary>
    /// <remarks>
    /// Right after silos rejoin, the client's gateway list can still name a silo that has gone (it refreshes every 2 s),
    /// or, when every silo restarted, name none ("No gateways available"): either is retried until the list has caught up.
    /// </remarks>
    public async Task<int> SiloPortOfAsync(IAddressable grain) =>
        await ActivationPortOfAsync(grain) ?? throw new InvalidOperationException("The grain has no activation.");

    /// <summary>As <see cref="SiloPortOfAsync"/>, or null when the grain has no activation now (not since silos restarted).</summary>
    public async Task<int?> ActivationPortOfAsync(IAddressable grain)
    {
        var giveUp = DateTime.UtcNow + GatewayListCatchUp;
        while (true)
        {
            try
            {
                return (await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain))?.Endpoint.Port;
            }
            catch (Exception e) when (e is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(ClusterChat.RetryPace);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The cluster may be gone by now (a test kills its silos): no goodbye worth waiting for.
        using var hurry = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await host.StopAsync(hurry.Token);
        host.Dispose();
    }
}
