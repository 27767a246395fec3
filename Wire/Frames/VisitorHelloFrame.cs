using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor's first frame: the token to come back as, language and region, a signed identity, where to resume.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorHelloFrame
{
    public const string Name = "hello";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VisitorToken { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Region { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IdentityClaim? Identity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResumeCursor? Resume { get; init; }
}
