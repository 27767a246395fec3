namespace Switchboard.Tests.Cluster;

/// <summary>
/// A test class with a cluster of its own (two silo and two gateway processes on the collection's Redis and
/// PostgreSQL), started before its test and stopped after.
/// </summary>
public abstract class RunningClusterTests(DatabaseServers servers) : IAsyncLifetime
{
    /// <summary>Sends that retry until acknowledged, and what was acknowledged.</summary>
    protected ClusterChat Wire { get; } = new();

    protected RunningCluster Cluster { get; private set; } = null!;

    /// <summary>Extra environment settings for the silos of this class's cluster.</summary>
    protected virtual IReadOnlyDictionary<string, string>? SiloSettings => null;

    /// <summary>False for a test that reaches grains only through the observer client: its cluster starts no gateways.</summary>
    protected virtual bool WithGateways => true;

    public async Task InitializeAsync() => Cluster = await RunningCluster.StartAsync(servers, siloSettings: SiloSettings, gateways: WithGateways);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
