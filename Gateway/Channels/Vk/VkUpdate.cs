using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;
using Switchboard.Gateway.Channels.Media;

namespace Switchboard.Gateway.Channels.Vk;

/// <summary>
/// Reads a Callback API <c>message_new</c> event: <c>object.message</c> with its text, a keyboard button's payload, and
/// its photo and document attachments (by their download URLs) and videos (by their VK id, fetched through <c>video.get</c>).
/// </summary>
public static class VkUpdate
{
    public const string MessageNew = "message_new";

    public static IReadOnlyList<InboundMessage> Parse(string site, JsonElement callback)
    {
        if (callback.GetProperty("type").GetString() != MessageNew)
        {
            return [];
        }
        var eventId = callback.GetProperty("event_id").GetString() ?? throw new FormatException("An event without 'event_id'.");
        var message = callback.GetProperty("object").GetProperty("message");
        var from = message.GetProperty("from_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } s ? s : null;
        var payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.String ? Reply(p.GetString()) : null;
        // A button tap sends the button's label as the text too; the text is what the operator should read.
        var media = Media(message);
        return [new InboundMessage(site, ChannelNames.Vk, from, null, eventId, text, payload) { Media = media.Count > 0 ? media : null }];
    }

    /// <summary>
    /// A photo in its largest size; a document by its URL, title and size; a video by <c>{owner_id}_{id}[_{access_key}]</c>,
    /// since VK's event carries only its cover pictures. Other attachments (stickers, walls) are not files.
    /// </summary>
    private static List<InboundMedia> Media(JsonElement message)
    {
        var media = new List<InboundMedia>();
        if (!message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return media;
        }
        foreach (var attachment in attachments.EnumerateArray())
        {
            var type = attachment.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "photo" && attachment.GetProperty("photo").TryGetProperty("sizes", out var sizes) && sizes.GetArrayLength() > 0)
            {
                var largest = sizes.EnumerateArray().MaxBy(s => s.GetProperty("width").GetInt64() * s.GetProperty("height").GetInt64());
                media.Add(new InboundMedia(InboundMedia.Photo, largest.GetProperty("url").GetString()!));
            }
            else if (type == "video")
            {
                var video = attachment.GetProperty("video");
                var id = $"{video.GetProperty("owner_id").GetInt64()}_{video.GetProperty("id").GetInt64()}";
                var key = video.TryGetProperty("access_key", out var k) && k.ValueKind == JsonValueKind.String ? "_" + k.GetString() : "";
                var title = video.TryGetProperty("title", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
                media.Add(new InboundMedia(InboundMedia.Video, id + key, title));
            }
            else if (type == "doc")
            {
                var doc = attachment.GetProperty("doc");
                var size = doc.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : (long?)null;
                var title = doc.TryGetProperty("title", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
                media.Add(new InboundMedia(InboundMedia.Document, doc.GetProperty("url").GetString()!, title, size));
            }
        }
        return media;
    }

    /// <summary>Our keyboard's buttons carry <c>{"reply": "…"}</c> (VK wants a JSON payload): the reply, else the payload as it is.</summary>
    private static string? Reply(string? payload)
    {
        if (payload is null || !payload.StartsWith('{'))
        {
            return payload;
        }
        try
        {
            using var json = JsonDocument.Parse(payload);
            return json.RootElement.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.String ? reply.GetString() : payload;
        }
        catch (JsonException)
        {
            return payload;
        }
    }
}
