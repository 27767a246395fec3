using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;
using Switchboard.Gateway.Channels.Media;

namespace Switchboard.Gateway.Channels.Telegram;

/// <summary>
/// Reads a Bot API <c>Update</c>: a <c>message</c> (text, or a photo, video or document with its caption) or a
/// <c>callback_query</c> (a button tap).
/// </summary>
public static class TelegramUpdate
{
    public static IReadOnlyList<InboundMessage> Parse(string site, JsonElement update)
    {
        var updateId = update.GetProperty("update_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (update.TryGetProperty("message", out var message))
        {
            var from = message.GetProperty("from");
            var media = Media(message);
            return [new InboundMessage(site, ChannelNames.Telegram, UserId(from), Name(from), updateId, Str(message, "text") ?? Str(message, "caption"), null)
            {
                Media = media.Count > 0 ? media : null,
            }];
        }
        if (update.TryGetProperty("callback_query", out var callback))
        {
            var from = callback.GetProperty("from");
            return [new InboundMessage(site, ChannelNames.Telegram, UserId(from), Name(from), updateId, null, Str(callback, "data"))];
        }
        return [];
    }

    /// <summary>
    /// A photo comes in several sizes, smallest first: the largest is the one kept. A video or document names its file
    /// and size; each is fetched by its <c>file_id</c> through <c>getFile</c>.
    /// </summary>
    private static List<InboundMedia> Media(JsonElement message)
    {
        var media = new List<InboundMedia>();
        if (message.TryGetProperty("photo", out var sizes) && sizes.ValueKind == JsonValueKind.Array && sizes.GetArrayLength() > 0)
        {
            var largest = sizes[sizes.GetArrayLength() - 1];
            media.Add(new InboundMedia(InboundMedia.Photo, largest.GetProperty("file_id").GetString()!, null, Size(largest)));
        }
        foreach (var (member, kind) in new[] { ("video", InboundMedia.Video), ("document", InboundMedia.Document) })
        {
            if (message.TryGetProperty(member, out var file) && file.ValueKind == JsonValueKind.Object)
            {
                media.Add(new InboundMedia(kind, file.GetProperty("file_id").GetString()!, Str(file, "file_name"), Size(file)));
            }
        }
        return media;
    }

    private static long? Size(JsonElement file) =>
        file.TryGetProperty("file_size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null;

    private static string UserId(JsonElement from) => from.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Name(JsonElement from) =>
        string.Join(' ', new[] { Str(from, "first_name"), Str(from, "last_name") }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } name
            ? name
            : Str(from, "username");

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
