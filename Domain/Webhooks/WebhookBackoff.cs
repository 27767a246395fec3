namespace Switchboard.Domain.Webhooks;

/// <summary>When a webhook delivery that failed is tried again, and when the outbox gives up on it.</summary>
public static class WebhookBackoff
{
    /// <summary>A CRM down for a night still gets everything in the morning.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>10 s, 20 s, 40 s … doubling after each failed attempt, at most <see cref="Longest"/>: about 30 attempts in a day.</summary>
    public static TimeSpan After(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Clamp(failedAttempts - 1, 0, 20)));

    /// <summary>True when a delivery first tried at <paramref name="createdAt"/> is past trying at <paramref name="now"/>.</summary>
    public static bool Expired(DateTimeOffset createdAt, DateTimeOffset now) => now - createdAt >= GiveUpAfter;
}
