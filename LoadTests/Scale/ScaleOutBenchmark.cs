using System.Diagnostics;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scale;

/// <summary>
/// Scale-out, measured: for each step, a fresh local cluster of n silos and n gateways (Redis and PostgreSQL on loopback),
/// the same site and operators, then the same three runs — chat messages in a closed loop, chat starts into one queue,
/// chat starts spread over several queues — with visitors and operators spread over every gateway. What a step adds
/// is read as ratios to the first step, and as CPU per message: on one machine, nodes share the same cores.
/// </summary>
public sealed class ScaleOutBenchmark(ScaleSettings settings, RepositoryPaths paths, string reportDirectory)
{
    private const string SupervisorPassword = "scale-supervisor-pass";
    private const string OperatorPassword = "scale-operator-pass";

    private readonly ScaleSite _site = new("scale", SupervisorPassword, OperatorPassword);

    public async Task<Report> RunAsync()
    {
        var loadBefore = MachineInfo.LoadAverage();
        await BuildAsync();
        var steps = new List<ScaleStep>();
        foreach (var nodes in settings.Nodes)
        {
            steps.Add(await StepAsync(nodes));
        }
        return new Report(
            "Switchboard scale-out benchmark",
            DateTimeOffset.UtcNow,
            [.. MachineInfo.Describe(),
                new("product", "cluster mode built in Release: n silos + n gateways as processes, Redis and PostgreSQL on loopback (.ci/local-cluster)"),
                new("site", $"'{_site.Id}': {settings.Operators} scripted operators of capacity {settings.OperatorCapacity} in every queue, signed in across the gateways"),
                new("load average (1 min)", $"{loadBefore} before the benchmark, {MachineInfo.LoadAverage()} at its end (other work on the machine shows here)")],
            [.. steps.SelectMany(step => Headlines(step, steps[0]))],
            [.. steps.SelectMany(step => new[] { step.Messages, step.StartsOneQueue, step.StartsSpread })],
            [.. steps.Select(Note)]);
    }

    private async Task<ScaleStep> StepAsync(int nodes)
    {
        var directory = Directory.CreateTempSubdirectory("switchboard-scale-").FullName;
        try
        {
            Log($"{nodes} silo(s) + {nodes} gateway(s): starting over {directory}");
            await using var cluster = await LocalCluster.StartAsync(paths.Root, directory, nodes, NodeEnvironment());
            var queues = Enumerable.Range(1, settings.Queues).Select(i => $"q{i}").ToList();
            var logins = Enumerable.Range(1, settings.Operators).Select(i => $"op{i:000}").ToList();
            await _site.ProvisionAsync(cluster.Gateways[0], queues, logins, settings.OperatorCapacity);
            await using var desk = new OperatorDesk(cluster.Gateways, _site.Id, logins, OperatorPassword);
            var quiet = new OperatorScript(Greet: false, ReplyEvery: 1, TimeSpan.Zero);
            var messages = await RunAsync($"{nodes}+{nodes}: {settings.MessageCopies} chats in a closed loop (visitor message, operator's reply)", cluster,
                OperatorsAnswering.Create(desk, quiet).WithWarmUp(settings.WarmUp),
                ChatExchanges.Create(new ChatPool(cluster.Gateways, _site.Id, settings.MessageCopies, greeted: false), settings.MessageCopies, settings.WarmUp, settings.During));
            var oneQueue = await RunAsync($"{nodes}+{nodes}: {settings.StartCopies} visitors starting and closing chats back to back, one queue", cluster,
                OperatorsAnswering.Create(desk, quiet).WithWarmUp(settings.WarmUp),
                ChatStarts.Create(cluster.Gateways, _site.Id, [queues[0]], settings.StartCopies, settings.WarmUp, settings.During));
            var spread = await RunAsync($"{nodes}+{nodes}: {settings.StartCopies} visitors starting and closing chats back to back, {queues.Count} queues", cluster,
                OperatorsAnswering.Create(desk, quiet).WithWarmUp(settings.WarmUp),
                ChatStarts.Create(cluster.Gateways, _site.Id, queues, settings.StartCopies, settings.WarmUp, settings.During));
            return new ScaleStep(nodes, messages, oneQueue, spread, queues.Count);
        }
        finally
        {
            // The nodes' logs (and the databases' ones) stay with the report; the data goes.
            var logs = Directory.CreateDirectory(Path.Combine(reportDirectory, $"nodes-{nodes}")).FullName;
            foreach (var log in Directory.EnumerateFiles(directory, "*.log"))
            {
                File.Copy(log, Path.Combine(logs, Path.GetFileName(log)), overwrite: true);
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The site, and the one-address limits of the standard benchmark as environment variables.</summary>
    private IReadOnlyDictionary<string, string> NodeEnvironment()
    {
        var environment = new Dictionary<string, string>(_site.Configuration);
        foreach (var limit in OneAddress.Limits)
        {
            var (name, value) = (limit[2..limit.IndexOf('=')], limit[(limit.IndexOf('=') + 1)..]);
            environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return environment;
    }

    private static IEnumerable<Headline> Headlines(ScaleStep step, ScaleStep first)
    {
        var nodes = $"{step.Nodes} silo{(step.Nodes > 1 ? "s" : "")} + {step.Nodes} gateway{(step.Nodes > 1 ? "s" : "")}";
        yield return Headline.Measured($"chat messages/s, {nodes}",
            $"{Format.Rate(step.MessagesPerSecond)} ({Ratio(step.MessagesPerSecond, first.MessagesPerSecond)} of 1+1), {Format.Number(step.CpuMsPerMessage, "0.00")} ms CPU per message");
        yield return Headline.Measured($"chat starts/s into one queue, {nodes}",
            $"{Format.Rate(step.StartsPerSecondOneQueue)} ({Ratio(step.StartsPerSecondOneQueue, first.StartsPerSecondOneQueue)} of 1+1), {Format.Number(step.CpuMsPerStart, "0.00")} ms CPU per start");
        yield return Headline.Measured($"chat starts/s over {step.Queues} queues, {nodes}",
            $"{Format.Rate(step.StartsPerSecondSpread)} ({Ratio(step.StartsPerSecondSpread, step.StartsPerSecondOneQueue)} of one queue)");
    }

    private static string Ratio(double value, double baseline) => baseline > 0 ? $"{Format.Number(value / baseline, "0.00")}×" : "n/a";

    private static string Note(ScaleStep step)
    {
        var cpu = string.Join(", ", step.Messages.Processes.Where(p => p.Name != "load generator")
            .Select(p => $"{p.Name} {Format.Number(p.MeanCpuPercent, "0")} %"));
        return $"{step.Nodes}+{step.Nodes}: mean CPU in the message loop {cpu} (percent of one core); {step.Failures} failed steps or iterations in the step's runs.";
    }

    private async Task<RunResult> RunAsync(string title, LocalCluster cluster, params Scenario[] scenarios)
    {
        Log(title);
        var result = await LoadRunner.RunAsync(title, scenarios, [.. cluster.Processes, WatchedProcess.Self()], CancellationToken.None, Console.Out);
        foreach (var scenario in result.Scenarios)
        {
            Log($"  {scenario.Name}: {scenario.IterationsOk} ok, {scenario.Failures} failures; " +
                string.Join("; ", scenario.Steps.Select(s => $"{s.Name} {Format.Rate(s.PerSecond)}/s p99 {Format.Ms(s.Ms(99))} ms")));
        }
        return result;
    }

    /// <summary>Silo and gateway both: the cluster runs the built assemblies, so the whole solution is built once first.</summary>
    private async Task BuildAsync()
    {
        Log("Building the solution (Release)");
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "build", Path.Combine(paths.Root, "Orleans.sln"), "-c", "Release", "-nologo", "-v", "quiet" })
        {
            build.ArgumentList.Add(argument);
        }
        using var process = Process.Start(build)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("The solution did not build:\n" + output);
        }
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
