using System.Text.Json.Serialization;

namespace Switchboard.Wire.Frames;

/// <summary>The visitor starts a chat: client id, queue (absent: routing decides), pre-chat answers, first text.</summary>
[WireFrame(Name, FrameSide.VisitorToServer)]
public sealed record StartChatFrame(
    string? Id = null,
    string? Queue = null,
    IReadOnlyDictionary<string, string>? Form = null,
    string? Text = null)
{
    public const string Name = "start_chat";

    [JsonPropertyOrder(-1)]
    public string Type => Name;
}
