using System.Globalization;

namespace Switchboard.LoadTests.Wire;

/// <summary>
/// End-to-end latency from timestamps: the sender puts its wall-clock time in microseconds at the head of the
/// text, the receiver subtracts it from its own. Both ends on one machine share the clock, so this holds
/// across load-client processes too (across machines it is as good as their clock sync).
/// </summary>
public static class Probe
{
    private const string Mark = "lt";

    public static string Stamp(string words) => $"{Mark}{NowMicros().ToString(CultureInfo.InvariantCulture)} {words}";

    public static bool TryAge(string? text, out TimeSpan age)
    {
        age = default;
        if (text is null || !text.StartsWith(Mark, StringComparison.Ordinal))
        {
            return false;
        }
        var end = text.IndexOf(' ', Mark.Length);
        if (end < 0 || !long.TryParse(text.AsSpan(Mark.Length, end - Mark.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
        {
            return false;
        }
        age = TimeSpan.FromTicks(Math.Max(0, NowMicros() - sent) * 10);
        return true;
    }

    private static long NowMicros() => DateTime.UtcNow.Ticks / 10;
}
