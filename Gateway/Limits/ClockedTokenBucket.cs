namespace Switchboard.Gateway.Limits;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: <see cref="RateLimit.Burst"/> tokens at most, refilled evenly at
/// <see cref="RateLimit.PerMinute"/>, by the time elapsed since the last attempt. No timer per bucket (there is one per
/// socket and per address), and tests drive it with a fake clock — which the BCL's <c>TokenBucketRateLimiter</c> does not
/// allow: even replenished by hand, it measures time with <c>Stopwatch</c>.
/// </summary>
public sealed class ClockedTokenBucket
{
    private readonly TimeProvider _clock;
    private readonly double _perTick;
    private readonly double _burst;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    public ClockedTokenBucket(RateLimit limit, TimeProvider clock)
    {
        _clock = clock;
        _burst = limit.Burst;
        _perTick = limit.PerMinute / 60.0 / clock.TimestampFrequency;
        _tokens = _burst;
        _refilledAt = clock.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }
            _tokens--;
            return true;
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
                return _tokens >= _burst;
            }
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (now - _refilledAt) * _perTick);
        _refilledAt = now;
    }
}
