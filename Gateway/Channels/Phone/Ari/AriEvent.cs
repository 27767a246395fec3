using System.Text.Json;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// One message of ARI's events WebSocket, reduced to what the product acts on: <c>StasisStart</c>,
/// <c>ChannelDtmfReceived</c> (<c>digit</c>), <c>PlaybackFinished</c> (<c>playback{id, target_uri}</c>),
/// <c>ChannelHangupRequest</c> (<c>cause</c>) and <c>StasisEnd</c>, each naming its channel; <c>RecordingFinished</c> and
/// <c>RecordingFailed</c> (<c>recording{name}</c>).
/// </summary>
public sealed record AriEvent(string Type, string Timestamp, AriChannel? Channel)
{
    public const string StasisStart = "StasisStart";
    public const string Dtmf = "ChannelDtmfReceived";
    public const string PlaybackFinished = "PlaybackFinished";
    public const string HangupRequest = "ChannelHangupRequest";
    public const string StasisEnd = "StasisEnd";
    public const string RecordingFinished = "RecordingFinished";
    public const string RecordingFailed = "RecordingFailed";

    public string? Digit { get; init; }
    public string? PlaybackId { get; init; }
    /// <summary><c>RecordingFinished</c>, <c>RecordingFailed</c>: the recording's <c>name</c>, and its <c>cause</c> when it failed.</summary>
    public string? RecordingName { get; init; }
    public string? RecordingCause { get; init; }
    /// <summary><c>ChannelHangupRequest</c>'s Q.850 cause: 17 busy, 19 no answer, 21 rejected; anything else a normal end.</summary>
    public int? Cause { get; init; }

    /// <summary>The channel the event is about: the event's own, or for a playback the channel its <c>target_uri</c> names.</summary>
    public string? ChannelId { get; init; }

    /// <summary>
    /// ARI gives events no id: one is derived from what makes an event itself (its channel, type, time and key or
    /// playback), so the same event replayed after a reconnect is recognised and harmless.
    /// </summary>
    public string Id => $"{ChannelId}:{Type}:{Timestamp}:{Digit ?? PlaybackId ?? RecordingName}";

    /// <summary>The event, or null for a message that is not one (not JSON, no type).</summary>
    public static AriEvent? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.ToArray());
            var root = document.RootElement;
            if (AriChannel.Text(root, "type") is not { Length: > 0 } type)
            {
                return null;
            }
            var channel = root.TryGetProperty("channel", out var c) ? AriChannel.From(c) : null;
            var playback = root.TryGetProperty("playback", out var p) ? p : default;
            var target = AriChannel.Text(playback, "target_uri");
            var recording = root.TryGetProperty("recording", out var r) ? r : default;
            return new AriEvent(type, AriChannel.Text(root, "timestamp") ?? "", channel)
            {
                Digit = AriChannel.Text(root, "digit"),
                PlaybackId = AriChannel.Text(playback, "id"),
                RecordingName = AriChannel.Text(recording, "name"),
                RecordingCause = AriChannel.Text(recording, "cause"),
                Cause = root.TryGetProperty("cause", out var cause) && cause.TryGetInt32(out var code) ? code : null,
                ChannelId = channel?.Id ?? (target is not null && target.StartsWith("channel:", StringComparison.Ordinal) ? target["channel:".Length..] : null),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>CHANNELS.md's <c>data.reason</c> for a hang-up with this event's cause.</summary>
    public string Reason => Cause switch
    {
        17 => "busy",
        19 => "no_answer",
        21 => "rejected",
        _ => "completed",
    };
}
