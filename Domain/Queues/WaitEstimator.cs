namespace Switchboard.Domain.Queues;

/// <summary>
/// The wait a queued visitor is told (docs/routing.md): with C slots online each freeing on average every
/// H seconds (the mean recent handling time), a slot frees every H / C seconds; a visitor with k chats ahead
/// of the free slots waits k × H / C, plus A, the mean recent time from assignment to the first answer.
/// Unknown (null) when nobody is online.
/// </summary>
public static class WaitEstimator
{
    public const int HistorySize = 20;
    public static readonly TimeSpan DefaultHandling = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultAnswer = TimeSpan.FromSeconds(10);

    public static int? EstimateSeconds(int position, int freeSlots, int onlineCapacity, IReadOnlyList<double> handling, IReadOnlyList<double> answers)
    {
        if (onlineCapacity <= 0)
        {
            return null;
        }
        var answer = answers.Count == 0 ? DefaultAnswer.TotalSeconds : answers.Average();
        var ahead = position - freeSlots;
        if (ahead <= 0)
        {
            return (int)Math.Ceiling(answer);
        }
        var handle = handling.Count == 0 ? DefaultHandling.TotalSeconds : handling.Average();
        return (int)Math.Ceiling(ahead * handle / onlineCapacity + answer);
    }

    /// <summary>Adds a sample, keeping only the newest <see cref="HistorySize"/>.</summary>
    public static void Record(List<double> samples, TimeSpan value)
    {
        samples.Add(Math.Max(0, value.TotalSeconds));
        if (samples.Count > HistorySize)
        {
            samples.RemoveRange(0, samples.Count - HistorySize);
        }
    }
}
