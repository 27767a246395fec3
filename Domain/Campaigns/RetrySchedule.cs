namespace Switchboard.Domain.Campaigns;

/// <summary>
/// When a contact whose call was busy, unanswered or failed is tried again: <c>retryMinutes</c> after the first attempt,
/// doubling after each further one (backoff), capped at a day; none after <c>maxAttempts</c>.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <summary>The delay before attempt <paramref name="attemptsMade"/> + 1, or null when no attempt is left.</summary>
    public static TimeSpan? Next(int attemptsMade, int maxAttempts, int retryMinutes)
    {
        if (attemptsMade >= maxAttempts)
        {
            return null;
        }
        var minutes = retryMinutes * Math.Pow(2, Math.Min(attemptsMade - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxDelay.TotalMinutes));
    }
}
