using System.Text.Json.Serialization;
using Switchboard.Wire.Json;

namespace Switchboard.Wire.Frames;

/// <summary>An operator closes a chat, with tags from the site's list.</summary>
[WireFrame(Name, FrameSide.OperatorToServer)]
public sealed record OperatorCloseFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId = null,
    [property: JsonConverter(typeof(StringListConverter)), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags = null)
{
    public const string Name = "close";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
