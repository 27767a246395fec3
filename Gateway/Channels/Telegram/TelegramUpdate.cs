using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Telegram;

/// <summary>Reads a Bot API <c>Update</c>: a <c>message</c> (text, or a caption, photo or document) or a <c>callback_query</c> (a button tap).</summary>
public static class TelegramUpdate
{
    public static IReadOnlyList<InboundMessage> Parse(string site, JsonElement update)
    {
        var updateId = update.GetProperty("update_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (update.TryGetProperty("message", out var message))
        {
            var from = message.GetProperty("from");
            var text = Str(message, "text") ?? Str(message, "caption")
                ?? (message.TryGetProperty("photo", out _) ? "[photo]" : message.TryGetProperty("document", out _) ? "[document]" : null);
            return [new InboundMessage(site, ChannelNames.Telegram, UserId(from), Name(from), updateId, text, null)];
        }
        if (update.TryGetProperty("callback_query", out var callback))
        {
            var from = callback.GetProperty("from");
            return [new InboundMessage(site, ChannelNames.Telegram, UserId(from), Name(from), updateId, null, Str(callback, "data"))];
        }
        return [];
    }

    private static string UserId(JsonElement from) => from.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Name(JsonElement from) =>
        string.Join(' ', new[] { Str(from, "first_name"), Str(from, "last_name") }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } name
            ? name
            : Str(from, "username");

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
