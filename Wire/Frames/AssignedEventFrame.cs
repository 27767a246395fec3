using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator took the chat (<c>reason</c>: queue, sticky, transfer).</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record AssignedEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    PersonRef Operator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "assigned";

    public override string Type => Name;
}
