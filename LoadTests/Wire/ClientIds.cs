namespace Switchboard.LoadTests.Wire;

/// <summary>Client ids unique across load-client processes: a per-process prefix and a counter.</summary>
public static class ClientIds
{
    private static readonly string Process = Guid.NewGuid().ToString("N")[..8];
    private static long _next;

    public static string Next(char kind) => $"{kind}{Process}-{Interlocked.Increment(ref _next)}";
}
