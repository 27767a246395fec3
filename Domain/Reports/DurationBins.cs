namespace Switchboard.Domain.Reports;

/// <summary>
/// Fixed histogram bins for durations (first response, wait, abandon), so hourly buckets add up into any period.
/// A percentile is interpolated inside its bin, so it is exact to the bin's width (a second below 10 s, 5 s around
/// 30 s, 30 s around 2 min, 10 min near an hour). A count "within T seconds" is exact when T is one of the
/// <see cref="UpperBounds"/> (10, 15, 20, 30, 45, 60, 90, 120, 180, 300 … all are) and otherwise taken at the bound below.
/// </summary>
public static class DurationBins
{
    /// <summary>Bin i holds durations in (UpperBounds[i-1], UpperBounds[i]] seconds; the last bin everything longer.</summary>
    public static readonly int[] UpperBounds = [1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 120, 150, 180, 240, 300, 420, 600, 900, 1200, 1800, 3600, int.MaxValue];

    public static int Count => UpperBounds.Length;

    public static int Of(long milliseconds)
    {
        for (var i = 0; i < UpperBounds.Length - 1; i++)
        {
            if (milliseconds <= UpperBounds[i] * 1000L)
            {
                return i;
            }
        }
        return UpperBounds.Length - 1;
    }

    /// <summary>How many durations were at most <paramref name="seconds"/> (at the nearest bound at or below it).</summary>
    public static long AtMost(IReadOnlyList<long> counts, int seconds)
    {
        long total = 0;
        for (var i = 0; i < UpperBounds.Length && UpperBounds[i] <= seconds; i++)
        {
            total += counts[i];
        }
        return total;
    }

    /// <summary>The <paramref name="quantile"/> (0..1) in seconds, interpolated inside its bin; null with no durations.</summary>
    public static double? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && below + counts[i] >= rank)
            {
                double low = i == 0 ? 0 : UpperBounds[i - 1];
                double high = i == UpperBounds.Length - 1 ? low : UpperBounds[i];
                return low + (high - low) * Math.Clamp((rank - below) / counts[i], 0, 1);
            }
            below += counts[i];
        }
        return UpperBounds[^2];
    }
}
