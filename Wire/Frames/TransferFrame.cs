using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An operator hands a chat to another operator or a queue, with a note for them.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record TransferFrame
{
    public const string Name = "transfer";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToOperator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToQueue { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}
