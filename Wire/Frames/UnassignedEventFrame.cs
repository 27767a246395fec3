using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator lost the chat (<c>reason</c>: no_answer).</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record UnassignedEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    PersonRef Operator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "unassigned";

    public override string Type => Name;
}
