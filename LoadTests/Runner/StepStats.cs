using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// One step's counts and latencies, safe to record from many iterations at once: a whole-run HdrHistogram
/// in microseconds, the errors by reason, and a per-second series for the charts.
/// </summary>
public sealed class StepStats(string name, long startTimestamp)
{
    /// <summary>Latencies are recorded in microseconds up to ten minutes; anything longer counts as ten minutes.</summary>
    public const long MaxMicros = 600_000_000;

    private readonly LongConcurrentHistogram _latency = new(1, MaxMicros, 3);
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<int, SecondBucket> _seconds = new();
    private long _ok;
    private long _failed;

    public string Name { get; } = name;

    public void RecordOk(TimeSpan latency)
    {
        var micros = Micros(latency);
        _latency.RecordValue(micros);
        Interlocked.Increment(ref _ok);
        Bucket().RecordOk(micros);
    }

    public void RecordFailure(string reason)
    {
        Interlocked.Increment(ref _failed);
        _errors.AddOrUpdate(reason, 1, (_, count) => count + 1);
        Bucket().RecordFailure();
    }

    public StepResult Snapshot(TimeSpan measured) => new(
        Name,
        Interlocked.Read(ref _ok),
        Interlocked.Read(ref _failed),
        measured,
        _latency.Copy(),
        _errors.ToDictionary(e => e.Key, e => e.Value),
        _seconds.OrderBy(s => s.Key).Select(s => s.Value.ToPoint(s.Key)).ToList());

    /// <summary>The given second since the start, or null when nothing ended in it.</summary>
    public SecondPoint? PointAt(int second) => _seconds.TryGetValue(second, out var bucket) ? bucket.ToPoint(second) : null;

    private static long Micros(TimeSpan latency) => Math.Clamp(latency.Ticks / 10, 1, MaxMicros);

    private SecondBucket Bucket()
    {
        var second = (int)Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        return _seconds.GetOrAdd(second, static _ => new SecondBucket());
    }
}
