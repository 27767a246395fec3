using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor starts a chat: client id, queue (absent: routing decides), pre-chat answers, first text.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record StartChatFrame
{
    public const string Name = "start_chat";

    [JsonPropertyOrder(-1)]
    public string Type => Name;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Queue { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}
