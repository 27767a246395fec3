namespace Switchboard.Grains.Queues;

/// <summary>
/// The queue-wait estimate sent with <c>queued</c>: zero when an operator has room now; otherwise the
/// position times the mean of the recent waits (enqueue to assignment), or a default before there is history.
/// Documented in docs/routing.md.
/// </summary>
public static class WaitEstimator
{
    public const int HistorySize = 20;
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    public static int EstimateSeconds(int position, IReadOnlyList<double> recentWaits, int freeSlots)
    {
        if (position <= freeSlots)
        {
            return 0;
        }
        var mean = recentWaits.Count == 0 ? DefaultWait.TotalSeconds : recentWaits.Average();
        return (int)Math.Ceiling((position - freeSlots) * mean);
    }

    public static void Record(List<double> recentWaits, TimeSpan wait)
    {
        recentWaits.Add(Math.Max(0, wait.TotalSeconds));
        if (recentWaits.Count > HistorySize)
        {
            recentWaits.RemoveRange(0, recentWaits.Count - HistorySize);
        }
    }
}
