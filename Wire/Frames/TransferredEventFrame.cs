using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The chat moved to an operator or a queue; operators also read who moved it and the note.</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record TransferredEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PersonRef? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PersonRef? ToOperator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ToQueue) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "transferred";

    public override string Type => Name;
}
