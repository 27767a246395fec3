using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>A visitor's message into their chat.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record VisitorMessageFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null)
{
    public const string Name = "message";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
