using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Echo;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Product;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Abuse;

/// <summary>
/// Issue 15's measure: the gateway (with its shipped limits) under a page flood and under 1,000 tokenless hellos a second
/// from one address — its resident memory, and a quiet visitor's round-trip p99 during each against the same run's echo
/// baseline, measured the same way at the same pace.
/// </summary>
public sealed class AbuseBenchmark(RepositoryPaths paths, string reportDirectory, bool build)
{
    public const int PageFrames = 50_000;
    public const int UrlLength = 2000;
    public const int HellosPerSecond = 1000;
    public static readonly TimeSpan HelloFlood = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan QuietPhase = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Sampling = TimeSpan.FromMilliseconds(200);

    private const string Site = "load";
    private const string Password = "load-test-pass";

    public async Task<string> RunAsync()
    {
        var loadBefore = MachineInfo.LoadAverage();
        if (build)
        {
            await StandardBenchmark.BuildGatewayAsync(paths);
        }
        var data = Directory.CreateTempSubdirectory("switchboard-abuse-").FullName;
        try
        {
            await SiteProvisioner.CreateAsync(data, Site, ["op001"], Password, 4);
            await using var gateway = await ServerProcess.StartGatewayAsync(paths, [$"--Storage:DataDirectory={data}"], Path.Combine(reportDirectory, "gateway-abuse.log"));
            await using var echo = await ServerProcess.StartAsync("echo server (baseline)", typeof(AbuseBenchmark).Assembly.Location, ["echo"], [],
                EchoServer.ReadyPath, Path.Combine(reportDirectory, "echo-abuse.log"));
            await using var visitor = await QuietVisitorAsync(gateway.Target);
            await using var echoProbe = await EchoProbeAsync(echo.Target);
            var lines = new List<string>
            {
                $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `dotnet run --project LoadTests -c Release -- abuse`; {Environment.ProcessorCount} cores; "
                    + $"load average {loadBefore} before, shipped `Limits` defaults.",
                "",
                "| phase | gateway RSS before → peak → after | quiet visitor p99 (p50) | echo p99 (p50) | ratio | what the flood got |",
                "|---|---|---|---|---|---|",
            };
            lines.Add(await PhaseAsync("quiet", gateway, visitor, echoProbe, _ => Task.Delay(QuietPhase).ContinueWith(_ => "—")));
            lines.Add(await PhaseAsync($"page flood: {PageFrames:N0} `page` frames, {UrlLength:N0}-character URLs, one address", gateway, visitor, echoProbe, async token =>
            {
                var flood = await Floods.PagesAsync(gateway.Target, Site, PageFrames, UrlLength, token);
                return $"{flood.Sent:N0} frames sent in {flood.Took.TotalSeconds:0.0} s over {flood.Closed + flood.Rejected:N0} connection attempts; "
                    + $"{flood.Refused:N0} answered `rate_limited`; {flood.Closed:N0} sockets closed 1008; {flood.Rejected:N0} handshakes refused 429";
            }));
            lines.Add(await PhaseAsync($"hello flood: {HellosPerSecond:N0} tokenless hellos/s for {HelloFlood.TotalSeconds:0} s, one address", gateway, visitor, echoProbe, async token =>
            {
                var flood = await Floods.HellosAsync(gateway.Target, Site, HellosPerSecond, HelloFlood, token);
                return $"{flood.Sent:N0} attempted ({flood.Sent / flood.Took.TotalSeconds:N0}/s reached); {flood.Welcomed:N0} new visitors; {flood.Refused:N0} hellos answered `rate_limited`; "
                    + $"{flood.Rejected:N0} handshakes refused 429";
            }));
            lines.Add("");
            lines.Add($"Load average at the end: {MachineInfo.LoadAverage()}.");
            var report = string.Join('\n', lines);
            await File.WriteAllTextAsync(Path.Combine(reportDirectory, "abuse.md"), report + "\n");
            return report;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="attack"/> while both probes measure and the gateway's memory is sampled; one table row.</summary>
    private static async Task<string> PhaseAsync(string name, ServerProcess gateway, QuietProbe visitor, QuietProbe echo, Func<CancellationToken, Task<string>> attack)
    {
        Log($"Phase: {name}");
        var before = Rss(gateway);
        using var stop = new CancellationTokenSource();
        var peak = before;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(gateway));
                await Task.Delay(Sampling, CancellationToken.None);
            }
        });
        var attacking = attack(CancellationToken.None);
        var (visitorLatencies, echoLatencies) = (new List<double>(), new List<double>());
        while (!attacking.IsCompleted)
        {
            // Both probes at once, each on its own server, so both see the same moments of the machine.
            var rounds = await Task.WhenAll(visitor.MeasureAsync(TimeSpan.FromSeconds(1), CancellationToken.None), echo.MeasureAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
            visitorLatencies.AddRange(rounds[0]);
            echoLatencies.AddRange(rounds[1]);
        }
        var outcome = await attacking;
        await stop.CancelAsync();
        await sampling;
        var after = Rss(gateway);
        var (v99, e99) = (Percentile(visitorLatencies, 0.99), Percentile(echoLatencies, 0.99));
        Log($"  RSS {Mib(before)} → {Mib(peak)} → {Mib(after)}; visitor p99 {v99:0.0} ms, echo p99 {e99:0.0} ms; {outcome}");
        return $"| {name} | {Mib(before)} → **{Mib(peak)}** → {Mib(after)} (peak +{Mib(peak - before)}) | {v99:0.0} ms ({Percentile(visitorLatencies, 0.5):0.0} ms), "
            + $"{visitorLatencies.Count} round trips | {e99:0.0} ms ({Percentile(echoLatencies, 0.5):0.0} ms) | **{v99 / Math.Max(e99, 0.001):0.0}×** | {outcome} |";
    }

    /// <summary>A visitor in a chat (waiting in the queue: nobody answers), sending messages at its frame rate and timing each <c>ack</c>.</summary>
    private static async Task<QuietProbe> QuietVisitorAsync(Target target)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(target.WebSocket($"/ws/visitor?site={Site}"), CancellationToken.None);
        var probe = new QuietProbe(socket, n => QuietProbe.Json(new { type = "message", id = $"q{n}", text = $"quiet {n}" }),
            (frame, n) => frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("id", out var id) && id.GetString() == $"q{n}");
        await socket.SendAsync(QuietProbe.Json(new { type = "hello" }), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.SendAsync(QuietProbe.Json(new { type = "start_chat", id = "start", text = "hello" }), WebSocketMessageType.Text, true, CancellationToken.None);
        while (await probe.ReceiveAsync(CancellationToken.None) is var frame && !(frame.ValueKind == JsonValueKind.Object
                   && frame.TryGetProperty("id", out var id) && id.GetString() == "start"))
        {
        }
        return probe;
    }

    private static async Task<QuietProbe> EchoProbeAsync(Target target)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(target.WebSocket(EchoRoundTrips.Path), CancellationToken.None);
        return new QuietProbe(socket, n => QuietProbe.Json(new { type = "message", id = $"q{n}", text = $"quiet {n}" }),
            (frame, n) => frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("id", out var id) && id.GetString() == $"q{n}");
    }

    private static long Rss(ServerProcess process) => ProcStat.Read(process.Pid)?.RssBytes ?? 0;

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MiB";

    private static double Percentile(List<double> values, double share)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
