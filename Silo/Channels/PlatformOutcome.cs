namespace Switchboard.Silo.Channels;

public enum PlatformStatus
{
    Sent,
    /// <summary>The platform still refused after the waits it asked for; try again later.</summary>
    RateLimited,
    /// <summary>WhatsApp 131047: more than 24 hours since the customer wrote; only a template may go out.</summary>
    TemplateRequired,
    /// <summary>VK 901: the user has not allowed the community to message them.</summary>
    NotAllowed,
    /// <summary>The platform does not take this file (its type or size): it goes as text instead.</summary>
    Unsupported,
    Failed,
}

/// <summary>How a send ended: a typed result, never an exception, so the outbox can show it to the operator.</summary>
public sealed record PlatformOutcome(PlatformStatus Status, string? PlatformMessageId = null, string? Error = null, TimeSpan? RetryAfter = null);
