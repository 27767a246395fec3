using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor starts a chat: client id, queue (absent: routing decides), pre-chat answers, first text.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record StartChatFrame(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Queue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Form = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null)
{
    public const string Name = "start_chat";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
