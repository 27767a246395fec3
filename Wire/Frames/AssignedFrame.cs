using System.Text.Json.Serialization;
namespace Switchboard.Wire.Frames;

/// <summary>
/// A chat given to this operator, whole: the seq of its <c>assigned</c> event, queue, pre-chat answers, the visitor's
/// visit and the transcript so far; later events follow live.
/// </summary>
[WireFrame(Name, FrameSide.ServerToOperator)]
public sealed record AssignedFrame(
    string ConversationId,
    long Seq,
    string? Queue,
    IReadOnlyDictionary<string, string> Form,
    VisitorCard Visitor,
    IReadOnlyList<EventFrame> Transcript)
{
    public const string Name = "assigned";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
