using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor asks to be called back.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record CallbackFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null)
{
    public const string Name = "callback";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
