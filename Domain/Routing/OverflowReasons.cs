namespace Switchboard.Domain.Routing;

/// <summary>Why a waiting chat gets an automatic reply instead of silence.</summary>
public static class OverflowReasons
{
    /// <summary>Outside the queue's working hours.</summary>
    public const string Closed = "closed";
    /// <summary>No operator of the queue is online.</summary>
    public const string Offline = "offline";
    /// <summary>The estimated wait is above the queue's limit.</summary>
    public const string LongWait = "long_wait";
    /// <summary>The chat has waited (and been passed on) for the queue's maximum wait.</summary>
    public const string MaxWait = "max_wait";
}
