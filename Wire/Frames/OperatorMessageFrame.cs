using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>An operator's message, with up to 6 quick replies the visitor can tap.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorMessageFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonConverter(typeof(StringListConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? QuickReplies = null)
{
    public const string Name = "message";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
