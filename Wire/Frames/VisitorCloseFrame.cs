using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor ends their chat.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorCloseFrame
{
    public const string Name = "close";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
