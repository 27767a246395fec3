using HdrHistogram;

namespace Switchboard.LoadTests.Runner;

/// <summary>One second of one step: enough for the throughput and p99-over-time charts (two significant digits).</summary>
public sealed class SecondBucket
{
    private readonly LongConcurrentHistogram _latency = new(1, StepStats.MaxMicros, 2);
    private long _ok;
    private long _failed;

    public void RecordOk(long micros)
    {
        _latency.RecordValue(micros);
        Interlocked.Increment(ref _ok);
    }

    public void RecordFailure() => Interlocked.Increment(ref _failed);

    public SecondPoint ToPoint(int second)
    {
        var ok = Interlocked.Read(ref _ok);
        return new SecondPoint(second, ok, Interlocked.Read(ref _failed),
            ok == 0 ? 0 : _latency.GetValueAtPercentile(50), ok == 0 ? 0 : _latency.GetValueAtPercentile(99));
    }
}
