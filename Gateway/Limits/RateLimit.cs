using System.ComponentModel.DataAnnotations;

namespace Switchboard.Gateway.Limits;

/// <summary>A token bucket's shape: <see cref="Burst"/> at once, then <see cref="PerMinute"/> a minute, evenly.</summary>
public sealed class RateLimit
{
    [Range(1, 6_000_000)]
    public int PerMinute { get; set; }

    [Range(1, 1_000_000)]
    public int Burst { get; set; }

    public static RateLimit Of(int perMinute, int burst) => new() { PerMinute = perMinute, Burst = burst };
}
