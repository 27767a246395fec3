namespace Switchboard.Gateway.Limits;

/// <summary>
/// One socket's frame rates: a token bucket per frame type, and one for the frames it refused. A client over a rate
/// is told and may slow down; one that keeps going past the refusals' own bucket is abusing the socket and loses it.
/// An operator's socket gets every rate multiplied by <paramref name="factor"/>: staff are signed in and accountable,
/// and a console legitimately sends again what an outage refused, for several chats at once.
/// </summary>
public sealed class FrameRateGate(ClientLimits limits, TimeProvider clock, int factor = 1)
{
    // Keyed by the configured type names only (everything else shares one bucket), so made-up types add no buckets.
    private readonly Dictionary<string, ClockedTokenBucket> _buckets = new(StringComparer.Ordinal);
    // Made with the first refusal: nearly every socket never has one, and there is one gate per open socket.
    private ClockedTokenBucket? _refusals;
    private const string OtherFrames = "";

    /// <summary>Called from the socket's receive loop only: one frame at a time.</summary>
    public FrameVerdict Judge(string type)
    {
        var key = limits.Frames.ContainsKey(type) ? type : OtherFrames;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = _buckets[key] = new ClockedTokenBucket(Scaled(limits.FrameRate(key), factor), clock);
        }
        if (bucket.TryTake())
        {
            return FrameVerdict.Admit;
        }
        _refusals ??= new ClockedTokenBucket(Scaled(limits.RefusedFrames, factor), clock);
        return _refusals.TryTake() ? FrameVerdict.Refuse : FrameVerdict.Close;
    }

    private static RateLimit Scaled(RateLimit rate, int factor) =>
        factor == 1 ? rate : RateLimit.Of(checked(rate.PerMinute * factor), checked(rate.Burst * factor));
}
