using Microsoft.Extensions.Time.Testing;
using Switchboard.Gateway.Limits;

namespace Switchboard.Tests.Limits;

public sealed class ClockedTokenBucketTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_burst_is_allowed_at_once_then_one_token_per_period_as_the_clock_moves()
    {
        var bucket = new ClockedTokenBucket(RateLimit.Of(perMinute: 60, burst: 3), _clock);

        Assert.Equal([true, true, true, false], Take(bucket, 4));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(bucket.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([true, false], Take(bucket, 2));
    }

    [Fact]
    public void A_long_pause_refills_the_bucket_to_its_burst_and_no_further()
    {
        var bucket = new ClockedTokenBucket(RateLimit.Of(perMinute: 60, burst: 3), _clock);
        Take(bucket, 3);
        Assert.False(bucket.IsFull);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True(bucket.IsFull);
        Assert.Equal([true, true, true, false], Take(bucket, 4));
    }

    [Fact]
    public void Keyed_buckets_count_each_key_apart()
    {
        var buckets = new KeyedBuckets(RateLimit.Of(perMinute: 1, burst: 2), _clock);

        Assert.Equal([true, true, false], new[] { "10.0.0.1", "10.0.0.1", "10.0.0.1" }.Select(buckets.TryTake));
        Assert.True(buckets.TryTake("10.0.0.2"));
    }

    [Fact]
    public void Keyed_buckets_forget_keys_whose_buckets_refilled()
    {
        var buckets = new KeyedBuckets(RateLimit.Of(perMinute: 60, burst: 1), _clock);
        for (var i = 0; i <= KeyedBuckets.SweepAbove; i++)
        {
            buckets.TryTake($"visitor-{i}");
        }
        Assert.Equal(KeyedBuckets.SweepAbove + 1, buckets.Count);

        _clock.Advance(KeyedBuckets.SweepEvery);
        buckets.TryTake("one more");

        Assert.Equal(1, buckets.Count);
    }

    private static List<bool> Take(ClockedTokenBucket bucket, int times) => [.. Enumerable.Range(0, times).Select(_ => bucket.TryTake())];
}
