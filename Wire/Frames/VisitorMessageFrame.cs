using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

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

    /// <summary>Ids of the sender's uploads (<c>POST /api/sites/{site}/attachments</c>) that the message carries.</summary>
    [JsonConverter(typeof(StringListConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Attachments { get; init; }
}
