using Switchboard.Contracts.Channels;

namespace Switchboard.Grains.Channels;

[GenerateSerializer, Alias("Switchboard.PendingSend")]
public sealed class PendingSend
{
    [Id(0)] public required OutboundMessage Message { get; init; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NotBefore { get; set; }
    /// <summary>The message this is a part of (<see cref="OutboundParts"/>); null for a message sent whole.</summary>
    [Id(3)] public string? PartOf { get; init; }

    /// <summary>An earlier part of a message: its outcome is not the message's, unless it failed.</summary>
    public bool IsEarlierPart => PartOf is not null && PartOf != Message.MessageId;
}
