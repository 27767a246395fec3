using Switchboard.Domain.Reports;

namespace Switchboard.Tests.Domain.Reports;

public sealed class DurationBinsTests
{
    [Fact]
    public void Counts_within_a_target_are_exact_at_every_bound()
    {
        var counts = new long[DurationBins.Count];
        foreach (var ms in new long[] { 500, 1000, 1001, 30_000, 30_001, 59_999, 60_000, 60_001, 4_000_000 })
        {
            counts[DurationBins.Of(ms)]++;
        }

        Assert.Equal(2, DurationBins.AtMost(counts, 1));
        Assert.Equal(4, DurationBins.AtMost(counts, 30));
        Assert.Equal(7, DurationBins.AtMost(counts, 60));
        Assert.Equal(8, DurationBins.AtMost(counts, 3600));
    }

    [Fact]
    public void The_p90_lies_within_its_bin_of_the_true_value()
    {
        var durations = Enumerable.Range(1, 100).Select(i => i * 1000L).ToList();
        var counts = new long[DurationBins.Count];
        durations.ForEach(ms => counts[DurationBins.Of(ms)]++);

        var p90 = DurationBins.Percentile(counts, 0.9)!.Value;

        // The true p90 is 90 s, a bin bound: the estimate stays inside the bin (75, 90].
        Assert.InRange(p90, 75, 90);
        Assert.Null(DurationBins.Percentile(new long[DurationBins.Count], 0.9));
    }
}
