using System.Text.Json;
using Switchboard.Contracts.Calls;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>An event as the PBX posts it (CHANNELS.md); <c>data</c> holds what its type carries.</summary>
public sealed record PhoneEventJson(
    string? EventId, string? CallId, string? Direction, string? From, string? To, DateTimeOffset? At, string? Type, JsonElement? Data)
{
    public const int MaxIdLength = 128;

    /// <summary>The event for the call grain, or why it cannot be one.</summary>
    public (PhoneEvent? Event, string? Problem) ToEvent()
    {
        if (!IsId(EventId) || !IsId(CallId))
        {
            return (null, "eventId and callId are required, at most 128 characters, without '/'");
        }
        if (string.IsNullOrEmpty(Type))
        {
            return (null, "type is required");
        }
        return (new PhoneEvent(EventId!, CallId!, Type, From ?? "", To)
        {
            Direction = Direction ?? "inbound",
            Digits = Field("digits"),
            Reason = Field("reason"),
            RecordingUrl = Field("recordingUrl"),
            SpeechText = Field("text"),
            DurationSeconds = int.TryParse(Field("durationSeconds"), out var seconds) ? seconds : null,
        }, null);
    }

    private static bool IsId(string? id) => id is { Length: > 0 and <= MaxIdLength } && !id.Contains('/');

    /// <summary>A field of <c>data</c> as text, whether the PBX sent it as a string or a number (<c>"digits": 1</c>).</summary>
    private string? Field(string name) =>
        Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
