using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor rated the chat.</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record RatedEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "rated";

    public override string Type => Name;
}
