using System.Diagnostics;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// What one iteration sees: its number, its copy, two stop signals, and the step and measurement recorders.
/// <see cref="StopToken"/> says the load has ended (finish up; holding iterations end here);
/// <see cref="CancellationToken"/> fires after the grace period and abandons whatever is left.
/// </summary>
public sealed class ScenarioContext(
    ScenarioStats stats, long invocation, int copy, bool init, CancellationToken stop, CancellationToken cancel)
{
    public string ScenarioName => stats.Name;

    /// <summary>1, 2, 3… across the scenario's iterations.</summary>
    public long Invocation { get; } = invocation;

    /// <summary>Which copy of a constant load runs this iteration; -1 for injected ones and for init.</summary>
    public int Copy { get; } = copy;

    public CancellationToken StopToken { get; } = stop;

    public CancellationToken CancellationToken { get; } = cancel;

    /// <summary>Runs and times one step; a failure is counted and ends the iteration.</summary>
    public async Task<T> StepAsync<T>(string name, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await action();
            Recorder(name).RecordOk(Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StepFailedException failed)
        {
            Recorder(name).RecordFailure(failed.Reason);
            throw new StepFailedException(name, failed.Reason);
        }
        catch (Exception error)
        {
            var reason = Reason(error);
            Recorder(name).RecordFailure(reason);
            throw new StepFailedException(name, reason);
        }
    }

    public Task StepAsync(string name, Func<Task> action) => StepAsync(name, async () =>
    {
        await action();
        return true;
    });

    /// <summary>Records a latency measured elsewhere, e.g. a delivery seen by the receiving client.</summary>
    public void Measure(string name, TimeSpan latency) => Recorder(name).RecordOk(latency);

    /// <summary>Counts a failure of a measurement that is not a step, e.g. a delivery that never came.</summary>
    public void Fail(string name, string reason) => Recorder(name).RecordFailure(reason);

    /// <summary>Waits until the load ends: the body of iterations that hold a connection open.</summary>
    public async Task WaitForStopAsync()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = StopToken.Register(() => stopped.TrySetResult());
        await stopped.Task;
    }

    public static string Reason(Exception error)
    {
        var inner = error is AggregateException { InnerException: { } first } ? first : error;
        var message = inner.Message.ReplaceLineEndings(" ");
        return $"{inner.GetType().Name}: {(message.Length > 120 ? message[..120] + "…" : message)}";
    }

    private StepStats Recorder(string name) => init ? stats.InitStep(name) : stats.Step(name);
}
