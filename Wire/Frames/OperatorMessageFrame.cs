using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>An operator's message, with up to 6 quick replies the visitor can tap.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorMessageFrame
{
    public const string Name = "message";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConversationId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    [JsonConverter(typeof(StringListConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? QuickReplies { get; init; }

    /// <summary>Ids of the sender's uploads (<c>POST /api/sites/{site}/attachments</c>) that the message carries.</summary>
    [JsonConverter(typeof(StringListConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Attachments { get; init; }
}
