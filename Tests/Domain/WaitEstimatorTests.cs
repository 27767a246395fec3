using Switchboard.Domain.Queues;

namespace Switchboard.Tests.Domain;

public sealed class WaitEstimatorTests
{
    [Fact]
    public void Nobody_online_means_no_estimate()
    {
        Assert.Null(WaitEstimator.EstimateSeconds(1, freeSlots: 0, onlineCapacity: 0, [], []));
    }

    [Fact]
    public void A_free_slot_now_costs_only_the_usual_answer_time()
    {
        Assert.Equal(8, WaitEstimator.EstimateSeconds(2, freeSlots: 2, onlineCapacity: 8, [600], [6, 10]));
    }

    [Theory]
    // 3 operators × 4 chats, 6-minute chats: a slot frees every 30 s; 10 s to answer once assigned.
    [InlineData(1, 40)]
    [InlineData(5, 160)]
    [InlineData(20, 610)]
    public void Each_chat_ahead_costs_the_mean_handling_time_spread_over_the_online_slots(int position, int expected)
    {
        double[] handling = [300, 360, 420];
        double[] answers = [5, 10, 15];

        Assert.Equal(expected, WaitEstimator.EstimateSeconds(position, freeSlots: 0, onlineCapacity: 12, handling, answers));
    }

    [Fact]
    public void Without_history_the_defaults_are_five_minute_chats_and_ten_second_answers()
    {
        Assert.Equal(160, WaitEstimator.EstimateSeconds(3, freeSlots: 1, onlineCapacity: 4, [], []));
    }

    [Fact]
    public void Only_the_newest_samples_count()
    {
        var samples = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            WaitEstimator.Record(samples, TimeSpan.FromSeconds(i < 5 ? 10_000 : 120));
        }

        Assert.Equal(WaitEstimator.HistorySize, samples.Count);
        Assert.All(samples, s => Assert.Equal(120, s));
    }
}
