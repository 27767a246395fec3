using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor opened a page.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record PageFrame
{
    public const string Name = "page";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Referrer { get; init; }
}
