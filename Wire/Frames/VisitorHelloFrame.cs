using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's first frame: the token to come back as, language and region, a signed identity, where to resume.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorHelloFrame(
    string? VisitorToken = null,
    string? Language = null,
    string? Region = null,
    IdentityClaim? Identity = null,
    ResumeCursor? Resume = null)
{
    public const string Name = "hello";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
