using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's draft as they type.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorTypingFrame
{
    public const string Name = "typing";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Draft { get; init; }
}
