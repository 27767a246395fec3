using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>How far an operator's message got through a messenger: sent, delivered, read, or failed and why.</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record DeliveryEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    string? MessageId,
    string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "delivery";

    public override string Type => Name;
}
