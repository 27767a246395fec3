using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The operator is typing in a chat.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorTypingFrame
{
    public const string Name = "typing";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }
}
