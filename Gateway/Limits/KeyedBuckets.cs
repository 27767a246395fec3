using System.Collections.Concurrent;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// One <see cref="ClockedTokenBucket"/> per key (a client address, an account, a visitor). Buckets that refilled are
/// dropped from time to time, so the map holds only keys that were busy lately, not every key ever seen.
/// </summary>
public sealed class KeyedBuckets(RateLimit limit, TimeProvider clock)
{
    /// <summary>Above this many keys, full buckets are swept out (at most once per <see cref="SweepEvery"/>).</summary>
    public const int SweepAbove = 1024;
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, ClockedTokenBucket> _buckets = new(StringComparer.Ordinal);
    private long _sweptAt = clock.GetTimestamp();

    public int Count => _buckets.Count;

    /// <summary>Takes one token from <paramref name="key"/>'s bucket; false when it is empty.</summary>
    public bool TryTake(string key)
    {
        if (_buckets.Count > SweepAbove)
        {
            Sweep();
        }
        return _buckets.GetOrAdd(key, _ => new ClockedTokenBucket(limit, clock)).TryTake();
    }

    private void Sweep()
    {
        var last = Interlocked.Read(ref _sweptAt);
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(last, now) < SweepEvery || Interlocked.CompareExchange(ref _sweptAt, now, last) != last)
        {
            return;
        }
        foreach (var (key, bucket) in _buckets)
        {
            // A full bucket is the same as a fresh one: forgetting it changes nothing for its key.
            if (bucket.IsFull)
            {
                _buckets.TryRemove(new KeyValuePair<string, ClockedTokenBucket>(key, bucket));
            }
        }
    }
}
