using System.Threading.RateLimiting;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// A <see cref="TokenBucketRateLimiter"/> refilled from a <see cref="TimeProvider"/> instead of its own timer: each
/// attempt first adds the tokens the elapsed time earned. No timer per bucket (there is one per socket and per
/// address), and tests drive it with a fake clock.
/// </summary>
public sealed class ClockedTokenBucket : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _period;
    private readonly int _burst;
    private readonly Lock _gate = new();
    private long _refilledAt;

    public ClockedTokenBucket(RateLimit limit, TimeProvider clock)
    {
        _clock = clock;
        _burst = limit.Burst;
        // One token per period: the bucket earns PerMinute tokens a minute, smoothly.
        _period = TimeSpan.FromMinutes(1) / Math.Max(1, limit.PerMinute);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _period,
            AutoReplenishment = false,
            QueueLimit = 0,
        });
        _refilledAt = clock.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            Refill();
            using var lease = _bucket.AttemptAcquire();
            return lease.IsAcquired;
        }
    }

    /// <summary>True when the bucket is full again: nothing was taken for a while, so it can be forgotten.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _bucket.GetStatistics()?.CurrentAvailablePermits >= _burst;
            }
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var periodTicks = _period.TotalSeconds * _clock.TimestampFrequency;
        var periods = (long)((now - _refilledAt) / periodTicks);
        if (periods <= 0)
        {
            return;
        }
        // Never more refills than it takes to fill the bucket, however long it sat.
        for (var i = 0; i < Math.Min(periods, _burst); i++)
        {
            _bucket.TryReplenish();
        }
        _refilledAt = periods >= _burst ? now : _refilledAt + (long)(periods * periodTicks);
    }

    public void Dispose() => _bucket.Dispose();
}
