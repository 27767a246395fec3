namespace Switchboard.Domain.Routing;

/// <summary>Whether a chat still waiting after routing overflows, and why; null when it simply waits.</summary>
public static class OverflowPolicy
{
    public static string? Reason(bool open, int onlineOperators, int? etaSeconds, TimeSpan waited, QueueSettings settings)
    {
        if (!open)
        {
            return OverflowReasons.Closed;
        }
        if (onlineOperators == 0)
        {
            return OverflowReasons.Offline;
        }
        if (waited >= settings.MaxWait)
        {
            return OverflowReasons.MaxWait;
        }
        return etaSeconds > settings.MaxEta.TotalSeconds ? OverflowReasons.LongWait : null;
    }
}
