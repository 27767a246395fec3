using Switchboard.LoadTests.Monitoring;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// Runs scenarios side by side, as NBomber does: each scenario's init in the order given (so operators are
/// online before visitors start chats), then every load at once, while samplers watch the server processes.
/// Background scenarios (operators at their desks) keep going until the foreground ones have finished.
/// With a <c>progress</c> writer, each scenario's last second is written to it every second while the load runs.
/// The load's schedule (phases, ticks, grace periods) runs on <c>time</c>, so tests drive it with a fake clock; what is
/// measured (step latencies, the measured window) is always the real clock's.
/// </summary>
public static class LoadRunner
{
    public static async Task<RunResult> RunAsync(string title, IReadOnlyList<Scenario> scenarios, IReadOnlyList<WatchedProcess> watched, CancellationToken abort,
        TextWriter? progress = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var started = DateTimeOffset.UtcNow;
        var stats = scenarios.Select(s => new ScenarioStats(s.Name)).ToList();
        var ready = new List<int>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            if (await InitAsync(scenarios[i], stats[i]))
            {
                ready.Add(i);
            }
        }

        var samplers = watched.Select(w => ProcessSampler.Start(w)).ToList();
        using var foregroundDone = new CancellationTokenSource();
        var live = progress is null ? Task.CompletedTask : new LiveProgress(stats, progress, time).RunAsync(foregroundDone.Token);
        var background = ready.Where(i => scenarios[i].Background)
            .Select(i => new ScenarioDriver(scenarios[i], stats[i], time).RunAsync(abort, foregroundDone.Token)).ToList();
        var foreground = ready.Where(i => !scenarios[i].Background)
            .Select(i => new ScenarioDriver(scenarios[i], stats[i], time).RunAsync(abort)).ToList();
        await Task.WhenAll(foreground);
        foregroundDone.Cancel();
        await live;
        await Task.WhenAll(background);
        var processes = await Task.WhenAll(samplers.Select(s => s.StopAsync()));

        foreach (var scenario in scenarios)
        {
            if (scenario.Clean is { } clean)
            {
                await clean();
            }
        }
        return new RunResult(title, started, DateTimeOffset.UtcNow - started,
            scenarios.Select((s, i) => stats[i].Snapshot(LoadText(s, stats[i].WarmedUp))).ToList(), processes);
    }

    private static async Task<bool> InitAsync(Scenario scenario, ScenarioStats stats)
    {
        if (scenario.Init is not { } init)
        {
            return true;
        }
        var context = new ScenarioContext(stats, 0, -1, init: true, CancellationToken.None, CancellationToken.None);
        try
        {
            await init(context);
            return true;
        }
        catch (Exception error)
        {
            stats.InitStep("(init)").RecordFailure(ScenarioContext.Reason(error));
            return false;
        }
    }

    private static string LoadText(Scenario scenario, TimeSpan warmedUp)
    {
        var phases = scenario.Load.Select(p => p.ToString());
        var settled = warmedUp - scenario.WarmUp >= TimeSpan.FromSeconds(0.5)
            ? $" and {(warmedUp - scenario.WarmUp).TotalSeconds:0}s more until the server's JIT settled"
            : "";
        var warmUp = scenario.WarmUp > TimeSpan.Zero ? [$"warm-up {scenario.WarmUp.TotalSeconds:0.##}s{settled}"] : Array.Empty<string>();
        var text = string.Join(", then ", warmUp.Concat(phases));
        return scenario.Background ? text + ", until the others end" : text;
    }
}
