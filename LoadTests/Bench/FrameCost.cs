using System.Diagnostics;

namespace Switchboard.LoadTests.Bench;

/// <summary>
/// Bytes allocated and time per call of one operation on this thread, over several rounds after a warm-up. Allocation
/// counts are exact and repeatable; on a shared machine read the fastest round's time, not the mean.
/// </summary>
public static class FrameCost
{
    public const int WarmUp = 20_000;
    public const int Rounds = 7;
    public const int PerRound = 200_000;

    public static FrameCostResult Measure(string name, Action operation)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            operation();
        }
        var nanos = new List<double>(Rounds);
        var bytes = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < PerRound; i++)
            {
                operation();
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            nanos.Add(elapsed.TotalNanoseconds / PerRound);
        }
        nanos.Sort();
        return new FrameCostResult(name, (double)bytes / PerRound, nanos[0], nanos[nanos.Count / 2]);
    }
}
