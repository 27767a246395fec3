using Npgsql;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// A real PostgreSQL from Debian's package, on a free loopback port with its data in a temp directory.
/// PostgreSQL refuses to run as root, so under root it runs as the package's <c>postgres</c> user.
/// Each test class takes a database of its own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "switchboard";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();
    private readonly string _bin;
    private bool _started;

    private PostgresServer(string bin)
    {
        _bin = bin;
        Port = FreePorts.Next();
    }

    public int Port { get; }
    public string DataDirectory => Path.Combine(_directory.Path, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer(FindBin());
        try
        {
            await server.InitAndStartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Timeout=15;Command Timeout=30";

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown: connections are cut) — and <see cref="RestartAsync"/> brings it back on the same data.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public Task RestartAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(_directory.Path, "postgres.log"),
        "-w", "-t", "60", "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory.Path} -c fsync=off -c max_connections={MaxConnections}", "start");

    /// <summary>
    /// Above PostgreSQL's default of 100: every cluster test's two silos and two gateways keep pools (docs/deployment.md,
    /// "Sizing"), and the test process keeps its own for each cluster's database.
    /// </summary>
    public const int MaxConnections = 400;

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped by a test; the directory goes anyway.
            }
        }
        _directory.Dispose();
    }

    private async Task InitAndStartAsync()
    {
        if (IsRoot)
        {
            await RunRawAsync("chown", "postgres", _directory.Path);
        }
        await RunAsync(Path.Combine(_bin, "initdb"), "-D", DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await RestartAsync();
        _started = true;
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a PostgreSQL tool, as <c>postgres</c> when we are root, and fails with its output if it fails.</summary>
    private Task RunAsync(string tool, params string[] arguments) =>
        IsRoot ? RunRawAsync("runuser", ["-u", "postgres", "--", tool, .. arguments]) : RunRawAsync(tool, arguments);

    private static async Task RunRawAsync(string tool, params string[] arguments)
    {
        await using var process = ChildProcess.Start(Path.GetFileName(tool), tool, arguments);
        var code = await process.WaitForExitAsync(StartTimeout);
        if (code != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with {code}:\n{process.Output}");
        }
    }

    private static string FindBin()
    {
        var bins = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            : [];
        return bins.OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). `bash .ci/test` installs it as root; otherwise: sudo apt-get install postgresql");
    }
}
