using Switchboard.Contracts.Channels;

namespace Switchboard.Grains.Channels;

[GenerateSerializer, Alias("Switchboard.PendingSend")]
public sealed class PendingSend
{
    [Id(0)] public required OutboundMessage Message { get; init; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NotBefore { get; set; }
}
