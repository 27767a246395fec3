using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor rates the chat, 1 to 5, with an optional comment.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record RateFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Score = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment = null)
{
    public const string Name = "rate";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
