using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor asked to be called back on a number.</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record CallbackEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "callback";

    public override string Type => Name;
}
