using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An internal note: operators read it whole, visitors get only its seq (the other fields null, left out).</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record NoteEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "note";

    public override string Type => Name;
}
