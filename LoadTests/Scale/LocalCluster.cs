using System.Diagnostics;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scale;

/// <summary>
/// A cluster of <c>n</c> silos and <c>n</c> gateways on this machine, started and stopped by <c>.ci/local-cluster</c>
/// (Redis and PostgreSQL as local processes, each node its own process): the topology the cluster tests prove, with
/// the ports moved off the script's defaults so a developer's own local cluster can keep running.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private const int RedisPort = 16479;
    private const int PostgresPort = 15532;
    private const int FirstSiloPort = 11211;
    private const int FirstSiloGatewayPort = 30100;
    private const int FirstHttpPort = 5181;

    private readonly string _script;
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private LocalCluster(string script, string directory, int nodes, IReadOnlyDictionary<string, string> environment)
    {
        _script = script;
        _directory = directory;
        _environment = environment;
        Nodes = nodes;
        Gateways = [.. Enumerable.Range(0, nodes).Select(i => Target.Parse($"http://127.0.0.1:{FirstHttpPort + i}"))];
    }

    public int Nodes { get; }

    public IReadOnlyList<Target> Gateways { get; }

    /// <summary>Every silo and gateway process, for the runner to sample CPU and memory.</summary>
    public IReadOnlyList<WatchedProcess> Processes =>
    [
        .. Enumerable.Range(1, Nodes).Select(i => new WatchedProcess($"silo{i}", Pid($"silo{i}"))),
        .. Enumerable.Range(1, Nodes).Select(i => new WatchedProcess($"gateway{i}", Pid($"gateway{i}"))),
    ];

    /// <summary>
    /// Starts <paramref name="nodes"/> silos and as many gateways over fresh databases in <paramref name="directory"/>;
    /// <paramref name="environment"/> goes to every node (the script passes its own environment on).
    /// </summary>
    public static async Task<LocalCluster> StartAsync(string repository, string directory, int nodes, IReadOnlyDictionary<string, string> environment)
    {
        var cluster = new LocalCluster(Path.Combine(repository, ".ci", "local-cluster"), directory, nodes, environment);
        try
        {
            await cluster.ScriptAsync("up");
        }
        catch
        {
            // Whatever did start (Redis, PostgreSQL, some nodes) is stopped before the error goes on.
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    public async ValueTask DisposeAsync() => await ScriptAsync("down");

    private int Pid(string name) => int.Parse(File.ReadAllText(Path.Combine(_directory, name + ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task ScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { _script, command, "--dir", _directory })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SB_REDIS_PORT"] = RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SB_PG_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SB_SILO_PORTS"] = string.Join(' ', Enumerable.Range(0, Nodes).Select(i => $"{FirstSiloPort + i}:{FirstSiloGatewayPort + i}"));
        start.Environment["SB_GATEWAY_PORTS"] = string.Join(' ', Gateways.Select(g => g.Http.Port));
        // The benchmark builds the whole solution once before its first cluster.
        start.Environment["SB_NO_BUILD"] = "1";
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster {command} failed ({script.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
