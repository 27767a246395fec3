using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's first frame: the token to come back as, language and region, a signed identity, where to resume.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorHelloFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VisitorToken = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Region = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IdentityClaim? Identity = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ResumeCursor? Resume = null)
{
    public const string Name = "hello";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
