using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>A supervisor opens any chat of the site read-only.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record WatchFrame
{
    public const string Name = "watch";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }
}
