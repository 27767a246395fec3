using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An internal note into a chat.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record NoteFrame
{
    public const string Name = "note";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
