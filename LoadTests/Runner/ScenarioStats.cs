using System.Collections.Concurrent;
using System.Diagnostics;

namespace Switchboard.LoadTests.Runner;

/// <summary>A scenario's live statistics. <see cref="Reset"/> starts them afresh when the warm-up ends; init steps are kept.</summary>
public sealed class ScenarioStats(string name)
{
    private readonly ConcurrentDictionary<string, StepStats> _init = new();
    private ConcurrentDictionary<string, StepStats> _steps = new();
    private long _start = Stopwatch.GetTimestamp();
    private long _end;
    private long _iterationsOk;
    private long _iterationsFailed;

    public string Name { get; } = name;

    public StepStats Step(string step) => _steps.GetOrAdd(step, static (s, start) => new StepStats(s, start), _start);

    public StepStats InitStep(string step) => _init.GetOrAdd(step, static (s, start) => new StepStats(s, start), _start);

    public void IterationOk() => Interlocked.Increment(ref _iterationsOk);

    public void IterationFailed() => Interlocked.Increment(ref _iterationsFailed);

    /// <summary>How long the warm-up ran, settling included (zero without one).</summary>
    public TimeSpan WarmedUp { get; private set; }

    public void Reset(TimeSpan warmedUp)
    {
        WarmedUp = warmedUp;
        _start = Stopwatch.GetTimestamp();
        _steps = new ConcurrentDictionary<string, StepStats>();
        Interlocked.Exchange(ref _iterationsOk, 0);
        Interlocked.Exchange(ref _iterationsFailed, 0);
    }

    /// <summary>The second just gone: iterations ended in it, across the scenario's steps, and its slowest step's p99.</summary>
    public ProgressLine LastSecond() => SecondSinceStart((int)Stopwatch.GetElapsedTime(_start).TotalSeconds - 1);

    /// <summary>The given second since the (post-warm-up) start, as <see cref="LastSecond"/> reports it.</summary>
    public ProgressLine SecondSinceStart(int second)
    {
        var points = second < 0 ? [] : _steps.Values.Select(step => (step.Name, Point: step.PointAt(second))).Where(p => p.Point is not null).ToList();
        var slowest = points.Where(p => p.Point!.Ok > 0).OrderByDescending(p => p.Point!.P99Micros).FirstOrDefault();
        return new ProgressLine(Name, points.Sum(p => p.Point!.Ok) == 0 ? 0 : points.Max(p => p.Point!.Ok), points.Sum(p => p.Point!.Failed),
            slowest.Point is null ? null : slowest.Name, slowest.Point?.P99Micros ?? 0);
    }

    /// <summary>The load ended: what completes later still counts, but the measured window closes here.</summary>
    public void LoadEnded() => _end = Stopwatch.GetTimestamp();

    public ScenarioResult Snapshot(string load)
    {
        var measured = Stopwatch.GetElapsedTime(_start, _end == 0 ? Stopwatch.GetTimestamp() : _end);
        return new ScenarioResult(
            Name, load, measured, Interlocked.Read(ref _iterationsOk), Interlocked.Read(ref _iterationsFailed),
            _steps.Values.Select(s => s.Snapshot(measured)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            _init.Values.Select(s => s.Snapshot(measured)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }
}
