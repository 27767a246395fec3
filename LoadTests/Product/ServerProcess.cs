using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Wire;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.LoadTests.Product;

/// <summary>
/// A server the benchmark starts as its own process (the product's gateway, or the echo baseline), on a free
/// loopback port, with its output in a log file; ready when <c>readyPath</c> answers 200.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private ServerProcess(string name, Process process, Target target)
    {
        Name = name;
        _process = process;
        Target = target;
    }

    public string Name { get; }

    public Target Target { get; }

    /// <summary>Where the server's Prometheus scrape is (the gateway's; the echo server has none).</summary>
    public Uri Metrics => new(Target.Http, "metrics");

    public int Pid => _process.Id;

    public WatchedProcess Watched => new(Name, Pid);

    /// <summary>
    /// The product's gateway as a deployment runs it (the Production environment), with the benchmark's own site. Production
    /// refuses the demo site's public password (docs/security.md): without <paramref name="demoSite"/> the demo is off,
    /// with it the demo's logins get a password made up for this run.
    /// </summary>
    public static Task<ServerProcess> StartGatewayAsync(Bench.RepositoryPaths paths, IReadOnlyList<string> arguments, string logFile, bool demoSite = false) =>
        StartAsync("gateway (product)", paths.GatewayDll, [],
            [demoSite ? $"--Demo:OperatorPassword=bench-{Guid.NewGuid():N}" : "--Demo:Enabled=false", .. arguments], "/health/ready", logFile);

    public static async Task<ServerProcess> StartAsync(
        string name, string dll, IReadOnlyList<string> command, IReadOnlyList<string> arguments, string readyPath, string logFile)
    {
        var port = FreeLoopbackPort();
        var target = Target.Parse($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its own folder, as a deployment runs it: that is where its appsettings.json (log levels) is found.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        start.ArgumentList.Add(dll);
        foreach (var word in command)
        {
            start.ArgumentList.Add(word);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(target.ToString());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Both servers run with the gateway's garbage collector (the web SDK's default: server GC), so memory compares;
        // a DOTNET_gcServer set by whoever runs the benchmark wins, for an A/B of the GC mode (benchmarks.md).
        start.Environment.TryAdd("DOTNET_gcServer", "1");
        // The gateway runs as Production, which needs a master key for data at rest; the load tests store nothing secret.
        start.Environment["Encryption__MasterKey"] = MasterKeys.DevelopmentKey;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(name, process, target);
        await server.WaitReadyAsync(readyPath, logFile);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitReadyAsync(string readyPath, string logFile)
    {
        using var http = new HttpClient { BaseAddress = Target.Http, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting; see {logFile}.");
            }
            try
            {
                if ((await http.GetAsync(readyPath.TrimStart('/'))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            // Start-up is outside any measurement; polling the readiness endpoint is what a load balancer does.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"{Name} was not ready within {StartTimeout}; see {logFile}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
