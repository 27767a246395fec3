using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The phone call behind a conversation was offered, answered or ended (with how, and how long it took).</summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record CallEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    string? CallId,
    string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DurationSeconds) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "call";

    public override string Type => Name;
}
