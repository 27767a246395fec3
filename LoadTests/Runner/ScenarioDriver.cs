using System.Collections.Concurrent;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// Runs one scenario's load: the warm-up, then each simulation in turn, on a 10 ms tick. Open phases start
/// iterations on a schedule computed from the elapsed time (so a slow tick never loses iterations);
/// closed phases keep copies looping. When the load ends, iterations get the grace period, then are cancelled.
/// </summary>
public sealed class ScenarioDriver(Scenario scenario, ScenarioStats stats, TimeProvider time)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly List<CancellationTokenSource> _copies = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _cancel = new();
    private long _invocations;
    private long _tracked;

    /// <summary>Runs the load; a background scenario then keeps its copies until <paramref name="keepUntil"/> fires.</summary>
    public async Task RunAsync(CancellationToken abort, CancellationToken? keepUntil = null)
    {
        var previous = 0;
        var started = time.GetTimestamp();
        foreach (var (phase, warmUp) in Phases())
        {
            await RunPhaseAsync(phase, previous, abort);
            previous = phase.Target;
            if (warmUp)
            {
                await SettleAsync(phase, abort);
                stats.Reset(warmedUp: time.GetElapsedTime(started));
            }
        }
        if (keepUntil is { } until && !abort.IsCancellationRequested)
        {
            await WaitAsync(until, abort);
        }
        stats.LoadEnded();
        await StopAsync();
    }

    /// <summary>Runs the warm-up's load on, a second at a time, until the scenario's server says it has settled.</summary>
    private async Task SettleAsync(LoadSimulation warmUp, CancellationToken abort)
    {
        if (scenario.Settled is not { } settled)
        {
            return;
        }
        var slice = warmUp with { During = TimeSpan.FromSeconds(1) };
        var extended = TimeSpan.Zero;
        while (!abort.IsCancellationRequested && extended < Scenario.MaxSettle && !await settled())
        {
            await RunPhaseAsync(slice, warmUp.Target, abort);
            extended += slice.During;
        }
    }

    private IEnumerable<(LoadSimulation Phase, bool WarmUp)> Phases()
    {
        if (scenario.WarmUp > TimeSpan.Zero && scenario.Load.Count > 0)
        {
            yield return (scenario.Load[0] with { During = scenario.WarmUp }, true);
        }
        foreach (var phase in scenario.Load)
        {
            yield return (phase, false);
        }
    }

    private async Task RunPhaseAsync(LoadSimulation phase, int previous, CancellationToken abort)
    {
        var phaseStart = time.GetTimestamp();
        long injected = 0;
        while (!abort.IsCancellationRequested)
        {
            var elapsed = time.GetElapsedTime(phaseStart);
            var progress = Math.Min(1.0, elapsed / phase.During);
            if (phase.IsOpen)
            {
                SetCopies(0);
                var due = (long)Math.Floor(Injected(phase, previous, progress));
                for (; injected < due; injected++)
                {
                    Start(-1, _stop.Token);
                }
            }
            else
            {
                var target = phase.Kind == SimulationKind.RampingConstant ? previous + (phase.Target - previous) * progress : phase.Target;
                SetCopies((int)Math.Round(target));
            }
            if (progress >= 1.0)
            {
                return;
            }
            var left = phase.During - elapsed;
            await Task.Delay(left < Tick ? left : Tick, time, CancellationToken.None);
        }
    }

    /// <summary>How many iterations an open phase should have started by <paramref name="progress"/> (0..1): the integral of its rate.</summary>
    private static double Injected(LoadSimulation phase, int previous, double progress)
    {
        var intervals = phase.During / phase.Interval;
        return phase.Kind == SimulationKind.RampingInject
            ? (previous * progress + (phase.Target - previous) * progress * progress / 2) * intervals
            : phase.Target * progress * intervals;
    }

    private void SetCopies(int wanted)
    {
        while (_copies.Count < wanted)
        {
            var copy = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var index = _copies.Count;
            _copies.Add(copy);
            Track(Task.Run(() => CopyLoopAsync(index, copy.Token)));
        }
        while (_copies.Count > wanted)
        {
            _copies[^1].Cancel();
            _copies.RemoveAt(_copies.Count - 1);
        }
    }

    private async Task CopyLoopAsync(int index, CancellationToken copyStop)
    {
        while (!copyStop.IsCancellationRequested && !_cancel.IsCancellationRequested)
        {
            await RunIterationAsync(index, copyStop);
            await Task.Yield();
        }
    }

    private void Start(int copy, CancellationToken iterationStop) => Track(RunIterationAsync(copy, iterationStop));

    private void Track(Task task)
    {
        var id = Interlocked.Increment(ref _tracked);
        _running[id] = task;
        task.ContinueWith(_ => _running.TryRemove(id, out Task? _), TaskScheduler.Default);
    }

    private async Task RunIterationAsync(int copy, CancellationToken iterationStop)
    {
        var context = new ScenarioContext(stats, Interlocked.Increment(ref _invocations), copy, init: false, iterationStop, _cancel.Token);
        try
        {
            await scenario.Run(context);
            stats.IterationOk();
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // Abandoned after the grace period: neither a success nor a failure of the system under test.
        }
        catch (StepFailedException)
        {
            stats.IterationFailed();
        }
        catch (Exception error)
        {
            stats.Step("(iteration)").RecordFailure(ScenarioContext.Reason(error));
            stats.IterationFailed();
        }
    }

    private async Task StopAsync()
    {
        _stop.Cancel();
        SetCopies(0);
        var all = Task.WhenAll(_running.Values);
        if (await Task.WhenAny(all, Task.Delay(scenario.Grace, time)) != all)
        {
            _cancel.Cancel();
            await Task.WhenAny(all, Task.Delay(scenario.Grace, time));
        }
    }

    private static async Task WaitAsync(CancellationToken until, CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(until, abort);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
