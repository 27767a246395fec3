using Switchboard.Grains.Queues;

namespace Switchboard.Tests.Domain;

public sealed class WaitEstimatorTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 1, 30)]
    [InlineData(3, 0, 90)]
    public void Without_history_each_chat_ahead_costs_the_default_wait(int position, int freeSlots, int expected) =>
        Assert.Equal(expected, WaitEstimator.EstimateSeconds(position, [], freeSlots));

    [Fact]
    public void With_history_the_mean_recent_wait_is_used_and_only_the_newest_waits_count()
    {
        var waits = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            WaitEstimator.Record(waits, TimeSpan.FromSeconds(i < 5 ? 1000 : 12));
        }

        Assert.Equal(WaitEstimator.HistorySize, waits.Count);
        Assert.Equal(36, WaitEstimator.EstimateSeconds(3, waits, 0));
    }
}
