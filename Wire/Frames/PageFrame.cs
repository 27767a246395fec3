using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor opened a page.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record PageFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Referrer = null)
{
    public const string Name = "page";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
