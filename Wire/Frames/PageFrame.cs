using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor opened a page.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record PageFrame(string? Url = null, string? Title = null, string? Referrer = null)
{
    public const string Name = "page";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
