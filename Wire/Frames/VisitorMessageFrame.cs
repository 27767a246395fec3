using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>A visitor's message into their chat.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorMessageFrame
{
    public const string Name = "message";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
