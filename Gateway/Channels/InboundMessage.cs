namespace Switchboard.Gateway.Channels;

/// <summary>
/// One person's message from a messenger, whatever the platform: who (their platform id and name), which update
/// (the platform's own id, the key that makes a redelivery harmless), and what they said or tapped.
/// </summary>
public sealed record InboundMessage(
    string Site,
    string Channel,
    string UserId,
    string? DisplayName,
    string PlatformMessageId,
    string? Text,
    string? ButtonPayload);
