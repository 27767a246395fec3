namespace Switchboard.Grains.Channels;

/// <summary>An outcome still to be told to the conversation (it may have been unreachable when the send finished).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.DeliveryReport")]
public sealed record DeliveryReport(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Error);
