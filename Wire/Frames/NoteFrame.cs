using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An internal note into a chat.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record NoteFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null)
{
    public const string Name = "note";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
