using Switchboard.Gateway.Channels.Media;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// One person's message from a messenger, whatever the platform: who (their platform id and name), which update
/// (the platform's own id, the key that makes a redelivery harmless), and what they said or tapped. Or, with a
/// <see cref="Status"/>, the platform's report on our message <see cref="PlatformMessageId"/> to that person: never
/// a message.
/// </summary>
public sealed record InboundMessage(
    string Site,
    string Channel,
    string UserId,
    string? DisplayName,
    string PlatformMessageId,
    string? Text,
    string? ButtonPayload)
{
    /// <summary>A delivery status (<c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>) of a message we sent.</summary>
    public string? Status { get; init; }
    /// <summary>Why it failed, in words an operator can act on.</summary>
    public string? StatusError { get; init; }
    /// <summary>Photos, videos and documents the message carries (its <see cref="Text"/> is their caption); null: none.</summary>
    public IReadOnlyList<InboundMedia>? Media { get; init; }
}
