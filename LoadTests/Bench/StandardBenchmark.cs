using System.Diagnostics;
using Switchboard.LoadTests.Echo;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Product;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// The standard benchmark, start to finish: build the gateway, provision a load site into a fresh data
/// directory, start the product and the echo baseline as processes, then run each workload against the echo
/// server and against the product at the same rates, and write the report.
/// </summary>
public sealed class StandardBenchmark(BenchSettings settings, RepositoryPaths paths, string reportDirectory, IReadOnlySet<string> only)
{
    /// <summary>The parts, in the order they run; <c>--only</c> picks some of them.</summary>
    public static readonly string[] Parts = ["idle", "throughput", "latency", "assignment", "mixed", "messenger", "invitations"];

    private const string Site = "load";
    private const string Password = "load-test-pass";

    private static readonly string SelfDll = typeof(StandardBenchmark).Assembly.Location;

    public async Task<Report> RunAsync()
    {
        var loadBefore = MachineInfo.LoadAverage();
        await BuildGatewayAsync(paths);
        var data = Directory.CreateTempSubdirectory("switchboard-bench-").FullName;
        try
        {
            return await RunOnAsync(data, loadBefore);
        }
        finally
        {
            // Every server has exited by now (their disposal waits for it), so the data can go.
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<Report> RunOnAsync(string data, string loadBefore)
    {
        var logins = Enumerable.Range(1, settings.Operators).Select(i => $"op{i:000}").ToList();
        await SiteProvisioner.CreateAsync(data, Site, logins, Password, settings.OperatorCapacity);
        // Idle sockets on servers of their own, fresh, so memory growth is the sockets' alone; the servers are then
        // restarted (same data) so the chat workloads do not run on a heap still holding 15,000 visitors' grains.
        IdleResult? idleRaw = null, idleVisitors = null;
        if (Includes("idle"))
        {
            var (idleGateway, idleEcho) = await StartServersAsync(data, "idle");
            await using (idleGateway)
            await using (idleEcho)
            {
                (idleRaw, idleVisitors) = await IdleAsync(idleGateway, idleEcho);
            }
        }
        var (gateway, echo) = await StartServersAsync(data, "load");
        await using var runningGateway = gateway;
        await using var runningEcho = echo;
        await using var desk = new OperatorDesk(gateway.Target, Site, logins, Password);
        var (echoThroughput, relayThroughput, chatThroughput) = Includes("throughput") ? await ThroughputAsync(gateway, echo, desk) : (null, null, null);
        var (echoAtRate, chatAtRate) = Includes("latency") ? await LatencyAsync(gateway, echo, desk) : (null, null);
        var starts = Includes("assignment") ? await AssignmentAsync(gateway, desk) : null;
        var mixed = Includes("mixed") ? await MixedAsync(gateway, desk) : null;
        var (echoAtMessengerRate, messenger) = Includes("messenger") ? await MessengerAsync(gateway, echo, desk) : (null, null);
        // Last: it leaves 10,000 visitor grains on the gateway's heap.
        var invited = Includes("invitations") ? await InvitationsAsync(gateway, desk) : null;

        var figures = new BenchFigures(settings, idleRaw, idleVisitors, echoThroughput, chatThroughput, echoAtRate, chatAtRate, starts, mixed, invited)
        {
            EchoAtMessengerRate = echoAtMessengerRate,
            Messenger = messenger,
            RelayThroughput = relayThroughput,
        };
        var notes = new List<string> { StorageCensus.Describe(data) };
        if (idleRaw is not null && idleVisitors is not null)
        {
            notes.Add(IdleNote("Echo server", idleRaw));
            notes.Add(IdleNote("Gateway", idleVisitors));
        }
        if (invited is not null)
        {
            notes.Add(InvitedNote(invited));
        }
        return new Report(
            "Switchboard standard benchmark",
            DateTimeOffset.UtcNow,
            [.. MachineInfo.Describe(), new("product", "standalone gateway (co-hosted silo, SQLite) built in Release, fresh data directory"),
                new("site", $"'{Site}': {settings.Operators} scripted operators of capacity {settings.OperatorCapacity}, one queue"),
                new("load average (1 min)", $"{loadBefore} before the benchmark, {MachineInfo.LoadAverage()} at its end (other work on the machine shows here)")],
            Headlines.Compute(figures),
            [.. figures.Runs],
            [.. notes.Where(n => n.Length > 0)]);
    }

    private async Task<(ServerProcess Gateway, ServerProcess Echo)> StartServersAsync(string data, string phase)
    {
        Log($"Starting the gateway over {data} and the echo server ({phase})");
        var gateway = await ServerProcess.StartGatewayAsync(paths, [$"--Storage:DataDirectory={data}", .. OneAddress.Limits], Path.Combine(reportDirectory, $"gateway-{phase}.log"));
        var echo = await ServerProcess.StartAsync("echo server (baseline)", SelfDll, ["echo"], [], EchoServer.ReadyPath,
            Path.Combine(reportDirectory, $"echo-{phase}.log"));
        Log($"Gateway pid {gateway.Pid} on {gateway.Target}; echo server pid {echo.Pid} on {echo.Target}");
        return (gateway, echo);
    }

    private async Task<(IdleResult, IdleResult)> IdleAsync(ServerProcess gateway, ServerProcess echo)
    {
        var fleet = new IdleFleet(SelfDll, reportDirectory);
        Log($"Idle: {settings.IdleSockets} raw sockets on the echo server");
        var raw = await fleet.HoldAsync("Idle raw sockets on the echo server", echo.Watched, echo.Target.ToString(), "raw", null,
            settings.IdleSockets, settings.IdleProcesses, settings.IdleRamp);
        Log($"Idle: {settings.IdleSockets} visitors on the gateway");
        var visitors = await fleet.HoldAsync("Idle visitors on the gateway", gateway.Watched, gateway.Target.ToString(), "visitor", Site,
            settings.IdleSockets, settings.IdleProcesses, settings.IdleRamp);
        return (raw, visitors);
    }

    /// <summary>Closed loops with the same number of copies: as many round trips, or exchanges, as each server can take.</summary>
    private async Task<(RunResult, RunResult, RunResult)> ThroughputAsync(ServerProcess gateway, ServerProcess echo, OperatorDesk desk)
    {
        var copies = settings.ThroughputCopies;
        var closed = LoadSimulation.KeepConstant(copies, settings.During);
        var echoRun = await RunAsync($"Throughput, echo baseline: {copies} sockets in a closed loop", echo,
            EchoRoundTrips.Create("echo round trips (closed loop)", new EchoPool(echo.Target, copies), settings.WarmUp, closed));
        var relayRun = await RunAsync($"Throughput, relay baseline: {copies} sockets in a closed loop, each frame answered with {RelayRoundTrips.Copies}", echo,
            RelayRoundTrips.Create("relay round trips (closed loop)", new EchoPool(echo.Target, copies, RelayRoundTrips.Path), settings.WarmUp, closed));
        var chatRun = await RunAsync($"Throughput, chat: {copies} chats in a closed loop (visitor message, operator's reply)", gateway,
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: false, ReplyEvery: 1, TimeSpan.Zero)).WithWarmUp(settings.WarmUp),
            ChatExchanges.Create(new ChatPool(gateway.Target, Site, copies, greeted: false), copies, settings.WarmUp, settings.During));
        return (echoRun, relayRun, chatRun);
    }

    /// <summary>Open loops at the same fixed rate: what the latency is when the load does not wait for the server.</summary>
    private async Task<(RunResult, RunResult)> LatencyAsync(ServerProcess gateway, ServerProcess echo, OperatorDesk desk)
    {
        var rate = settings.MessageRate;
        var open = LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), settings.During);
        var echoRun = await RunAsync($"Latency, echo baseline: {rate} round trips/s over {settings.MessagePool} sockets", echo,
            EchoRoundTrips.Create($"echo round trips at {rate}/s", new EchoPool(echo.Target, settings.MessagePool), settings.WarmUp, open));
        var chatRun = await RunAsync($"Latency, chat: {rate} visitor messages/s over {settings.MessagePool} chats, operators reply to every 10th", gateway,
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: false, ReplyEvery: 10, TimeSpan.Zero)).WithWarmUp(settings.WarmUp),
            ChatMessagesAtRate.Create(new ChatPool(gateway.Target, Site, settings.MessagePool, greeted: false), rate, settings.WarmUp, settings.During));
        return (echoRun, chatRun);
    }

    /// <summary>
    /// Telegram updates through the webhook at a fixed rate, each answered by an operator, the reply leaving through the
    /// outbox to the fake Bot API in this process; the echo baseline at the same rate beside it.
    /// </summary>
    private async Task<(RunResult, RunResult)> MessengerAsync(ServerProcess gateway, ServerProcess echo, OperatorDesk desk)
    {
        var rate = settings.MessengerRate;
        var open = LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), settings.During);
        var echoRun = await RunAsync($"Messenger, echo baseline: {rate} round trips/s over {settings.MessengerUsers} sockets", echo,
            EchoRoundTrips.Create($"echo round trips at {rate}/s (messenger)", new EchoPool(echo.Target, settings.MessengerUsers), settings.WarmUp, open));
        await using var users = new TelegramUsers(gateway.Target, Site, SiteProvisioner.Supervisor, Password, settings.MessengerUsers);
        var messengerRun = await RunAsync($"Messenger: {rate} Telegram updates/s from {settings.MessengerUsers} users through the webhook, operators answer each", gateway,
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: false, ReplyEvery: 1, TimeSpan.Zero)).WithWarmUp(settings.WarmUp),
            MessengerUpdates.Create(users, rate, settings.WarmUp, settings.During));
        return (echoRun, messengerRun);
    }

    private Task<RunResult> AssignmentAsync(ServerProcess gateway, OperatorDesk desk) =>
        RunAsync($"Assignment: {settings.StartRate} chat starts/s (start, greeting, one exchange, rate, close)", gateway,
            OperatorsAnswering.Create(desk, OperatorScript.Attentive).WithWarmUp(settings.WarmUp),
            VisitorsChatting.Create(gateway.Target, Site, ChatShape.Short)
                .WithWarmUp(settings.WarmUp).WithLoad(LoadSimulation.Inject(settings.StartRate, TimeSpan.FromSeconds(1), settings.During)));

    private Task<RunResult> MixedAsync(ServerProcess gateway, OperatorDesk desk)
    {
        var second = TimeSpan.FromSeconds(1);
        var ramp = settings.MixedDuring / 3;
        var plateau = settings.MixedDuring - ramp;
        return RunAsync("Mixed \"Black Friday\" profile: browsing and chatting shoppers, operators with a think time", gateway,
            OperatorsAnswering.Create(desk, new OperatorScript(Greet: true, ReplyEvery: 1, TimeSpan.FromMilliseconds(300))),
            VisitorsChatting.Create(gateway.Target, Site, new ChatShape(3, second, AwaitReplies: true), "shoppers chatting")
                .WithLoad(LoadSimulation.RampingInject(settings.MixedChatsPerSecond, second, ramp), LoadSimulation.Inject(settings.MixedChatsPerSecond, second, plateau)),
            VisitorsBrowsing.Create(gateway.Target, Site, second)
                .WithLoad(LoadSimulation.RampingInject(settings.MixedBrowsersPerSecond, second, ramp), LoadSimulation.Inject(settings.MixedBrowsersPerSecond, second, plateau)));
    }

    /// <summary>
    /// Visitors on product pages with armed invitation timers, held by several client processes, while the desk's
    /// operators are online with free slots (nobody accepts), so no invitation is suppressed.
    /// </summary>
    private async Task<IdleResult> InvitationsAsync(ServerProcess gateway, OperatorDesk desk)
    {
        var stats = new ScenarioStats("operators online");
        using (var never = new CancellationTokenSource())
        {
            await desk.OpenAsync(new ScenarioContext(stats, 0, -1, true, never.Token, never.Token));
        }
        var count = settings.InvitedVisitors;
        var dwell = TimeSpan.FromSeconds(InvitedVisitors.DwellSeconds);
        Log($"Invitations: {count} visitors on product pages over {settings.InvitedRamp.TotalSeconds:0} s " +
            $"({count / settings.InvitedRamp.TotalSeconds:0} page views/s), invited after {dwell.TotalSeconds:0} s; {desk.Count} operators online");
        var fleet = new IdleFleet(SelfDll, reportDirectory);
        var invited = await fleet.HoldAsync($"Invitations: {Format.Count(count)} visitors with armed timers ({InvitedVisitors.DwellSeconds} s on a product page)",
            gateway.Watched, gateway.Target.ToString(), "invited", Site, count, settings.InvitedProcesses, settings.InvitedRamp,
            settings.InvitedRamp + dwell + InvitedVisitors.Grace + TimeSpan.FromSeconds(30));
        Log("  " + InvitedNote(invited));
        return invited;
    }

    private static string InvitedNote(IdleResult invited)
    {
        var lateness = invited.Run.Scenarios.FirstOrDefault(s => s.Name == InvitedVisitors.Name)?.Step(InvitedVisitors.Lateness);
        var page = invited.Run.Scenarios.FirstOrDefault(s => s.Name == InvitedVisitors.Name)?.Step("page sent");
        return $"Invitations: {Format.Count(lateness?.Ok ?? 0)} invites arrived for {Format.Count(invited.Wanted)} visitors " +
            $"({Format.Count(lateness?.Failed ?? 0)} missing; {Format.Count(page?.Ok ?? 0)} page views sent at {Format.Rate(page?.PerSecond ?? 0)}/s); " +
            $"lateness p50 {Format.Ms(lateness?.Ms(50) ?? 0)} ms, p95 {Format.Ms(lateness?.Ms(95) ?? 0)} ms, p99 {Format.Ms(lateness?.Ms(99) ?? 0)} ms, " +
            $"max {Format.Ms(lateness?.MaxMs ?? 0)} ms; {Format.Count(invited.Held)} settled of {Format.Count(invited.Wanted)}" +
            $"{(invited.AllReady ? "" : " (not all in time)")}; gateway resident memory {Format.MiB(invited.RssBefore)} before, {Format.MiB(invited.RssWith)} with them; " +
            $"{Format.Count(invited.FilesAdded)} more open files.";
    }

    private bool Includes(string part) => only.Count == 0 || only.Contains(part);

    private async Task<RunResult> RunAsync(string title, ServerProcess server, params Scenario[] scenarios)
    {
        Log(title);
        // Measured once the server's JIT has settled under this part's load, not while it compiles the part's code.
        var settling = JitSettling.For(server);
        scenarios = scenarios.Select(s => s.WarmUp > TimeSpan.Zero ? s.WithSettling(settling.SettledAsync) : s).ToArray();
        var gcBefore = await GcReading.ReadAsync(server.Metrics);
        var stealBefore = HostSteal.Read();
        var result = await LoadRunner.RunAsync(title, scenarios, [server.Watched, WatchedProcess.Self()], CancellationToken.None, Console.Out);
        // A neighbour on the host slows both servers and the load alike, but not evenly over a run: say how much it took.
        if (stealBefore is not null && HostSteal.Read() is { } stealAfter)
        {
            result = WithNote(result, $"Machine: {stealAfter.Since(stealBefore, result.Elapsed, Environment.ProcessorCount)}, over the whole run (warm-up included).");
        }
        foreach (var scenario in result.Scenarios)
        {
            Log($"  {scenario.Name}: {scenario.IterationsOk} ok, {scenario.Failures} failures; " +
                string.Join("; ", scenario.Steps.Select(s => $"{s.Name} {Format.Rate(s.PerSecond)}/s p99 {Format.Ms(s.Ms(99))} ms")));
        }
        // Over the whole run, warm-up included: the runtime's counters cannot be cut at the measured window's start.
        if (gcBefore is not null && await GcReading.ReadAsync(server.Metrics) is { } gcAfter)
        {
            result = WithNote(result, $"{server.Watched.Name}: {gcAfter.Since(gcBefore, result.Elapsed)}, over the whole run (warm-up included).");
        }
        return result;
    }

    /// <summary>Logs <paramref name="note"/> and adds it to the run's notes, which the report prints under the run.</summary>
    private static RunResult WithNote(RunResult result, string note)
    {
        Log("  " + note);
        return result with { Notes = [.. result.Notes, note] };
    }

    private static string IdleNote(string server, IdleResult idle) =>
        $"{server}: {Format.Count(idle.Held)} of {Format.Count(idle.Wanted)} idle sockets held by {idle.Processes} client processes" +
        $"{(idle.AllReady ? "" : " (not all connected in time)")}; resident memory {Format.MiB(idle.RssBefore)} before, {Format.MiB(idle.RssWith)} with them " +
        $"({Format.Number(idle.BytesPerSocket, "0")} bytes each); {Format.Count(idle.FilesAdded)} more open files.";

    internal static async Task BuildGatewayAsync(RepositoryPaths paths)
    {
        Log("Building the gateway (Release)");
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "build", paths.GatewayProject, "-c", "Release", "-nologo", "-v", "quiet" })
        {
            build.ArgumentList.Add(argument);
        }
        using var process = Process.Start(build)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("The gateway did not build:\n" + output);
        }
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
