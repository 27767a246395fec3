using System.Diagnostics;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// Idle sockets held by several <c>hold</c> client processes against one server, and what that server's memory
/// did: resident memory before the first socket and with all of them open, each the median of a few samples.
/// </summary>
public sealed class IdleFleet(string loadTestsDll, string reportDirectory)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(1);

    public async Task<IdleResult> HoldAsync(string title, WatchedProcess server, string serverUrl, string kind, string? site, int total, int processes, TimeSpan ramp,
        TimeSpan? readyWithin = null, IReadOnlyList<string>? extra = null)
    {
        var before = await MedianRssAsync(server.Pid);
        var filesBefore = ProcStat.OpenFiles(server.Pid);
        var sampler = ProcessSampler.Start(server);
        var clients = Enumerable.Range(0, processes).Select(i => StartClient(title, serverUrl, kind, site, total / processes + (i < total % processes ? 1 : 0), ramp, i, extra ?? [])).ToList();
        var timeout = readyWithin ?? ramp + TimeSpan.FromSeconds(60);
        var allReady = await Task.WhenAll(clients.Select(c => c.WaitReadyAsync(timeout)));
        await Task.Delay(Settle);
        var after = await MedianRssAsync(server.Pid);
        var held = clients.Sum(c => c.Connected);
        var filesAfter = ProcStat.OpenFiles(server.Pid);
        foreach (var client in clients)
        {
            await client.StopAsync();
        }
        var parts = new List<RunResult>();
        foreach (var client in clients)
        {
            parts.Add(await ResultFile.ReadAsync(client.ResultPath));
        }
        var process = await sampler.StopAsync();
        var merged = Merge(title, parts, process);
        return new IdleResult(merged, total, held, allReady.All(r => r), before, after, filesAfter - filesBefore, processes);
    }

    private HoldClient StartClient(string title, string url, string kind, string? site, int count, TimeSpan ramp, int index, IReadOnlyList<string> extra)
    {
        var result = Path.Combine(reportDirectory, $"hold-{kind}-{index}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { loadTestsDll, "hold", "--target", url, "--kind", kind, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--ramp", ramp.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--result", result, "--title", title })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }
        if (site is not null)
        {
            start.ArgumentList.Add("--site");
            start.ArgumentList.Add(site);
        }
        return new HoldClient(Process.Start(start)!, result);
    }

    private static RunResult Merge(string title, IReadOnlyList<RunResult> parts, ProcessSummary server)
    {
        var scenarios = parts.SelectMany(p => p.Scenarios).GroupBy(s => s.Name).Select(g => new ScenarioResult(
            g.Key, $"{g.First().Load}, in each of {g.Count()} client processes", g.Max(s => s.Measured), g.Sum(s => s.IterationsOk), g.Sum(s => s.IterationsFailed),
            g.SelectMany(s => s.Steps).GroupBy(s => s.Name).Select(steps => StepResult.Merge(steps.ToList())).ToList(),
            [])).ToList();
        return new RunResult(title, parts.Min(p => p.Started), parts.Max(p => p.Elapsed), scenarios, [server]);
    }

    private static async Task<long> MedianRssAsync(int pid)
    {
        var samples = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            samples.Add(ProcStat.Read(pid)?.RssBytes ?? 0);
            await Task.Delay(Sample);
        }
        samples.Sort();
        return samples[1];
    }

    private sealed class HoldClient
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _connected;

        public HoldClient(Process process, string resultPath)
        {
            _process = process;
            ResultPath = resultPath;
            process.OutputDataReceived += (_, line) => OnLine(line.Data);
            process.BeginOutputReadLine();
        }

        public string ResultPath { get; }

        public int Connected => Volatile.Read(ref _connected);

        public async Task<bool> WaitReadyAsync(TimeSpan timeout) => await Task.WhenAny(_ready.Task, Task.Delay(timeout)) == _ready.Task && _ready.Task.Result;

        public async Task StopAsync()
        {
            await _process.StandardInput.WriteLineAsync("stop");
            _process.StandardInput.Close();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        private void OnLine(string? line)
        {
            if (line is null)
            {
                _ready.TrySetResult(false);
            }
            else if (line.StartsWith("connected ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(10), out var count))
            {
                Volatile.Write(ref _connected, count);
            }
            else if (line == "ready")
            {
                _ready.TrySetResult(true);
            }
        }
    }
}
