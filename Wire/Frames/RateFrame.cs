using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor rates the chat, 1 to 5, with an optional comment.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record RateFrame
{
    public const string Name = "rate";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Score { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }
}
