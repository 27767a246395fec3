using System.Reflection;

using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// Silos and gateways as real processes, started from the build output with the same settings
/// <c>.ci/local-cluster</c> gives them, on the fixture's Redis and a database of this cluster's own.
/// Membership is tuned to declare a dead silo within seconds (docs/deployment.md gives production values).
/// A test that stops Redis passes a Redis of its own (<paramref name="redis"/>).
/// </summary>
public sealed class ClusterNodes(DatabaseServers servers, string postgres, RedisServer? redis = null) : IAsyncDisposable
{
    public const string DemoPassword = "demo-cluster-pass";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ChildProcess> _processes = [];
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";

    public string ServiceId => _clusterId;
    public string ClusterId => _clusterId;
    public string Redis => (redis ?? servers.Redis).Configuration;

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string Configuration =>
        typeof(ClusterNodes).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>A silo process; <paramref name="settings"/> are extra environment settings (e.g. <c>Webhooks__…</c>) for this one.</summary>
    public async Task<SiloNode> StartSiloAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var metricsPort = FreePorts.Next();
        var environment = Environment();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        environment["Cluster__AdvertisedIP"] = "127.0.0.1";
        environment["Cluster__SiloPort"] = siloPort.ToString();
        environment["Cluster__GatewayPort"] = gatewayPort.ToString();
        environment["Metrics__SiloPort"] = metricsPort.ToString();
        environment["Metrics__SiloHost"] = "127.0.0.1";
        var process = Start(name, [Output("Silo")], environment);
        await process.WaitForLineAsync("Finished BecomeActive", StartTimeout);
        return new SiloNode(process, siloPort, metricsPort);
    }

    /// <summary>A gateway process; <paramref name="settings"/> are extra environment settings (e.g. <c>Phone__…</c>) for this one.</summary>
    public async Task<GatewayNode> StartGatewayAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var environment = Environment();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A call that reached a dead silo fails after this and the client retries. Only on gateways: between
        // silos a short timeout also expires one-way messages that wait in a busy grain's queue.
        environment["Cluster__Messaging__ResponseTimeout"] = "00:00:05";
        environment["Demo__OperatorPassword"] = DemoPassword;
        var process = Start(name, [Output("Gateway"), "--contentRoot", Path.Combine(RepoRoot, "Gateway"), "--urls", url], environment);
        await process.WaitForLineAsync($"Now listening on: {url}", StartTimeout);
        return new GatewayNode(process, new Uri(url));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Cluster__Mode"] = "Cluster",
        ["Cluster__Redis"] = Redis,
        // As docs/deployment.md advises for production: a bounded pool per process, so four nodes stay well inside the server's limit.
        ["Cluster__Postgres"] = postgres + ";Maximum Pool Size=30",
        ["Cluster__ServiceId"] = ServiceId,
        ["Cluster__ClusterId"] = ClusterId,
        ["Cluster__Membership__ProbeTimeout"] = "00:00:01",
        ["Cluster__Membership__NumMissedProbesLimit"] = "2",
        ["Cluster__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Cluster__Gateways__GatewayListRefreshPeriod"] = "00:00:02",
        ["Cluster__MembershipWatchdog__CheckPeriod"] = "00:00:02",
        ["Cluster__MembershipWatchdog__StopTimeout"] = "00:00:05",
        ["Logging__LogLevel__Switchboard"] = "Debug",
        ["Encryption__MasterKey"] = TestKeys.MasterKeyBase64,
    };

    private ChildProcess Start(string name, string[] arguments, Dictionary<string, string> environment)
    {
        var process = ChildProcess.Start(name, "dotnet", arguments, environment, RepoRoot);
        _processes.Add(process);
        return process;
    }

    private static string Output(string project)
    {
        var path = Path.Combine(RepoRoot, project, "bin", Configuration, "net10.0", $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
