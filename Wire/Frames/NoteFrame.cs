using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>An internal note into a chat.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record NoteFrame(string? ConversationId = null, string? Id = null, string? Text = null)
{
    public const string Name = "note";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
