using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator hands a chat to another operator or a queue, with a note for them.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record TransferFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ToOperator = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ToQueue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null)
{
    public const string Name = "transfer";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
