using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>A conversation began: its queue, its channel, the visitor, the pre-chat answers (always an object).</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record StartedEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Queue,
    PersonRef Visitor,
    IReadOnlyDictionary<string, string> Form,
    string Channel) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "started";

    public override string Type => Name;
}
