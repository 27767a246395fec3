namespace Switchboard.Domain.Channels;

/// <summary>How long the outbox waits before sending again after a failure that may pass, and when it gives up.</summary>
public static class OutboxBackoff
{
    /// <summary>About 17 minutes of trying in all: longer than a platform's usual outage, short enough to tell the operator.</summary>
    public const int MaxAttempts = 11;

    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>1 s, 2 s, 4 s … doubling after each failed attempt, at most <see cref="Longest"/>.</summary>
    public static TimeSpan After(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Clamp(failedAttempts - 1, 0, 20)));

    /// <summary>A platform's own wait (<c>retry_after</c>) wins, but never below the backoff nor past <see cref="Longest"/>.</summary>
    public static TimeSpan After(int failedAttempts, TimeSpan? platformWait) =>
        platformWait is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, First.Ticks, Longest.Ticks)) : After(failedAttempts);
}
