using Switchboard.LoadTests.Echo;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Product;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// The phone benchmark: new calls at a fixed rate through the generic adapter against a fresh standalone gateway,
/// beside the echo baseline at the same rate in the same run; event → commands and callback → operator console p99
/// as ratios to the echo round trip's p99.
/// </summary>
public sealed class CallerBenchmark(bool quick, int? rate, RepositoryPaths paths, string reportDirectory)
{
    private const string Site = "calls";
    private const string Password = "load-test-pass";
    private const string Operator = "op001";
    private const string SigningSecret = "load-test-phone-secret";

    private static readonly string SelfDll = typeof(CallerBenchmark).Assembly.Location;

    private int Rate => rate ?? (quick ? 10 : 50);
    private TimeSpan WarmUp => TimeSpan.FromSeconds(quick ? 2 : 5);
    private TimeSpan During => TimeSpan.FromSeconds(quick ? 5 : 20);

    public async Task<Report> RunAsync()
    {
        var loadBefore = MachineInfo.LoadAverage();
        await StandardBenchmark.BuildGatewayAsync(paths);
        var data = Directory.CreateTempSubdirectory("switchboard-calls-").FullName;
        try
        {
            await SiteProvisioner.CreateAsync(data, Site, [Operator], Password, 1);
            await using var gateway = await ServerProcess.StartGatewayAsync(paths, [$"--Storage:DataDirectory={data}", $"--Phone:SigningSecret={SigningSecret}"], Path.Combine(reportDirectory, "gateway-calls.log"));
            await using var echo = await ServerProcess.StartAsync("echo server (baseline)", SelfDll, ["echo"], [], EchoServer.ReadyPath,
                Path.Combine(reportDirectory, "echo-calls.log"));
            var open = LoadSimulation.Inject(Rate, TimeSpan.FromSeconds(1), During);
            var echoRun = await RunAsync($"Echo baseline: {Rate} round trips/s over {Rate} sockets", echo,
                EchoRoundTrips.Create($"echo round trips at {Rate}/s", new EchoPool(echo.Target, Rate), WarmUp, open));
            using var pbx = new PhoneHookClient(gateway.Target, Site, SigningSecret);
            using var logins = new LoginClient(gateway.Target);
            var callRun = await RunAsync($"Callers: {Rate} new calls/s, nobody free: menu, 1 (order status), 2 (callback), hang up", gateway,
                CallersAtRate.Create(pbx, new QueueWatcher(gateway.Target, Site), () => logins.LoginAsync(Site, Operator, Password, CancellationToken.None),
                    Rate, WarmUp, During));
            return new Report(
                "Switchboard phone benchmark",
                DateTimeOffset.UtcNow,
                [.. MachineInfo.Describe(), new("product", "standalone gateway (co-hosted silo, SQLite) built in Release, fresh data directory, generic phone adapter"),
                    new("site", $"'{Site}': one queue, its one operator offline (every call gets the overflow menu); no CRM (key 1 says orders cannot be read); say commands as text"),
                    new("callback → operator console", $"read from GET /queues at most every {QueueWatcher.ReadEvery.TotalMilliseconds:0} ms while a callback is awaited: the figure includes up to that pace"),
                    new("load average (1 min)", $"{loadBefore} before, {MachineInfo.LoadAverage()} at the end (other work on the machine shows here)")],
                Headlines(echoRun, callRun),
                [echoRun, callRun],
                [StorageCensus.Describe(data)]);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private IReadOnlyList<Headline> Headlines(RunResult echoRun, RunResult callRun)
    {
        var echo = echoRun.Scenarios[0].Step(EchoRoundTrips.Step);
        var calls = callRun.Scenario(CallersAtRate.Name);
        var echoP99 = echo?.Ms(99) ?? 0;
        Headline Ratio(string step, string what)
        {
            var figure = calls.Step(step);
            var p99 = figure?.Ms(99) ?? 0;
            return new Headline($"{what} p99 ÷ echo p99 at {Rate} new calls/s",
                $"{Format.Ms(p99)} ms ÷ {Format.Ms(echoP99)} ms = **{Format.Ratio(echoP99 > 0 ? p99 / echoP99 : 0)}** (p50 {Format.Ms(figure?.Ms(50) ?? 0)} ms; {Format.Count(figure?.Ok ?? 0)} measured, {Format.Count(figure?.Failed ?? 0)} failed)",
                "reported (no target); every call answered", figure is { Ok: > 0, Failed: 0 } && calls.IterationsFailed == 0);
        }
        return [Ratio(CallersAtRate.EventToCommands, "event → commands"), Ratio(CallersAtRate.CallbackToConsole, "callback → operator console")];
    }

    private static async Task<RunResult> RunAsync(string title, ServerProcess server, Scenario scenario)
    {
        Log(title);
        var result = await LoadRunner.RunAsync(title, [scenario], [server.Watched, WatchedProcess.Self()], CancellationToken.None);
        foreach (var ran in result.Scenarios)
        {
            Log($"  {ran.Name}: {ran.IterationsOk} ok, {ran.Failures} failures; " +
                string.Join("; ", ran.Steps.Select(s => $"{s.Name} {Format.Rate(s.PerSecond)}/s p99 {Format.Ms(s.Ms(99))} ms")));
        }
        return result;
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
