using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The chat closed, by whom, and why when it ended without an operator (<c>abandoned</c>, <c>self_served</c>); operators also read its tags.</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record ClosedEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "closed";

    public override string Type => Name;
}
