namespace Switchboard.Grains.Channels;

/// <summary>
/// An outcome still to be told to the conversation (it may have been unreachable when the send finished), with the
/// platform's own id for the message so the platform's later reports on it (WhatsApp's <c>statuses[]</c>) find it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.DeliveryReport")]
public sealed record DeliveryReport(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Error,
    [property: Id(3)] string? PlatformMessageId = null);
