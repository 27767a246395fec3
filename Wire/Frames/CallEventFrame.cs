using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>
/// The phone call behind a conversation was offered, answered (by whom) or ended (how, how long it took, what came of
/// it, and the PBX's recording when it sent one).
/// </summary>
[WireFrame(Name, FrameSide.Event)]
public sealed record CallEventFrame(
    string ConversationId,
    long Seq,
    DateTime At,
    string? CallId,
    string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DurationSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OperatorId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Author = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Outcome = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordingUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null) : EventFrame(ConversationId, Seq, At)
{
    public const string Name = "call";

    public override string Type => Name;
}
