namespace Switchboard.Tests.Cluster;

/// <summary>Two silos and two gateways as processes on a database of their own, and the test's observer client.</summary>
public sealed class RunningCluster : IAsyncDisposable
{
    private RunningCluster(ClusterNodes nodes, string postgres)
    {
        Nodes = nodes;
        Postgres = postgres;
    }

    public ClusterNodes Nodes { get; }
    public string Postgres { get; }
    public SiloNode[] Silos { get; private set; } = [];
    public GatewayNode GatewayA { get; private set; } = null!;
    public GatewayNode GatewayB { get; private set; } = null!;
    public ObserverClient Observer { get; private set; } = null!;

    /// <summary>
    /// Starts the cluster; <paramref name="siloSettings"/> are extra environment settings for both silos, and a test that
    /// talks to grains only through the observer client starts no gateways (<paramref name="gateways"/> false).
    /// </summary>
    public static async Task<RunningCluster> StartAsync(
        DatabaseServers servers, PostgresServer? postgresServer = null, RedisServer? redisServer = null,
        IReadOnlyDictionary<string, string>? siloSettings = null, bool gateways = true)
    {
        var postgres = await (postgresServer ?? servers.Postgres).CreateDatabaseAsync("cluster");
        var cluster = new RunningCluster(new ClusterNodes(servers, postgres, redisServer), postgres);
        try
        {
            cluster.Silos = await Task.WhenAll(cluster.Nodes.StartSiloAsync("silo1", siloSettings), cluster.Nodes.StartSiloAsync("silo2", siloSettings));
            if (gateways)
            {
                var started = await Task.WhenAll(cluster.Nodes.StartGatewayAsync("gatewayA"), cluster.Nodes.StartGatewayAsync("gatewayB"));
                (cluster.GatewayA, cluster.GatewayB) = (started[0], started[1]);
            }
            cluster.Observer = await ObserverClient.ConnectAsync(cluster.Nodes);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public SiloNode SiloAt(int port) => Silos.Single(s => s.SiloPort == port);

    /// <summary>A silo its supervisor started again in place of one that exited.</summary>
    public void Replace(SiloNode exited, SiloNode restarted) => Silos = [.. Silos.Select(s => s == exited ? restarted : s)];

    public async ValueTask DisposeAsync()
    {
        if (Observer is not null)
        {
            await Observer.DisposeAsync();
        }
        GatewayA?.Dispose();
        GatewayB?.Dispose();
        await Nodes.DisposeAsync();
    }
}
