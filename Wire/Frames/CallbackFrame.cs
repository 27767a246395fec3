using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor asks to be called back.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record CallbackFrame
{
    public const string Name = "callback";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Phone { get; init; }
}
