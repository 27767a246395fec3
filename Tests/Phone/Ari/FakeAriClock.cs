namespace Switchboard.Tests.Phone.Ari;

/// <summary>The fake Asterisk's timestamps in ARI's time format, one millisecond later each time, so no two events of a channel share one.</summary>
public sealed class FakeAriClock
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private int _ticks;

    public string Now() => Start.AddMilliseconds(Interlocked.Increment(ref _ticks))
        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+0000";
}
