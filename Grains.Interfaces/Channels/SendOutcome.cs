namespace Switchboard.Contracts.Channels;

/// <summary>What a platform said to one send.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SendOutcome")]
public sealed record SendOutcome(
    [property: Id(0)] SendResult Result,
    [property: Id(1)] string? Error = null,
    [property: Id(2)] TimeSpan? RetryAfter = null,
    [property: Id(3)] string? PlatformMessageId = null)
{
    public static SendOutcome Sent(string? platformMessageId = null) => new(SendResult.Sent, PlatformMessageId: platformMessageId);

    /// <summary>The platform asked to wait (<c>429</c>, <c>retry_after</c>); the same message is sent again after it.</summary>
    public static SendOutcome Throttled(TimeSpan retryAfter) => new(SendResult.Retry, "rate limited", retryAfter);

    /// <summary>A failure that may pass (network, 5xx): retried with backoff.</summary>
    public static SendOutcome Transient(string error) => new(SendResult.Retry, error);

    /// <summary>A failure that will not pass by retrying (the 24-hour window, the person blocked the bot): shown to the operator.</summary>
    public static SendOutcome Rejected(string error) => new(SendResult.Failed, error);
}
