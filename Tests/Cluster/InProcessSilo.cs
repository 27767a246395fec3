using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Silo.Hosting;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// One silo in the test process, configured exactly as the Silo process is (<c>UseSwitchboardCluster</c> over
/// the same configuration keys), so the ADO.NET providers can be driven directly.
/// </summary>
public sealed class InProcessSilo(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<InProcessSilo> StartAsync(DatabaseServers servers, string postgres, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Mode"] = "Cluster",
            ["Cluster:Redis"] = servers.Redis.Configuration,
            ["Cluster:Postgres"] = postgres,
            ["Cluster:ServiceId"] = serviceId,
            ["Cluster:ClusterId"] = serviceId,
            ["Cluster:AdvertisedIP"] = "127.0.0.1",
            ["Cluster:SiloPort"] = FreePorts.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePorts.Next().ToString(),
            ["Encryption:MasterKey"] = Infrastructure.TestKeys.MasterKeyBase64,
        });
        builder.UseOrleans(silo => silo.UseSwitchboardCluster(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
