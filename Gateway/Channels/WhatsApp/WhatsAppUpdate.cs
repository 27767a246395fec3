using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.WhatsApp;

/// <summary>
/// Reads a Cloud API notification: <c>entry[].changes[].value.messages[]</c> (text, button and list replies).
/// <c>statuses[]</c> (sent, delivered, read, failed) are for the outbox's delivery events and are not messages.
/// </summary>
public static class WhatsAppUpdate
{
    public static IReadOnlyList<InboundMessage> Parse(string site, JsonElement notification)
    {
        var found = new List<InboundMessage>();
        foreach (var entry in Array(notification, "entry"))
        {
            foreach (var change in Array(entry, "changes"))
            {
                var value = change.GetProperty("value");
                var names = Array(value, "contacts").ToDictionary(c => Str(c, "wa_id") ?? "", c => c.TryGetProperty("profile", out var p) ? Str(p, "name") : null);
                foreach (var message in Array(value, "messages"))
                {
                    var from = Str(message, "from") ?? throw new FormatException("A message without 'from'.");
                    var id = Str(message, "id") ?? throw new FormatException("A message without 'id'.");
                    var (text, button) = Content(message);
                    found.Add(new InboundMessage(site, ChannelNames.WhatsApp, from, names.GetValueOrDefault(from), id, text, button));
                }
            }
        }
        return found;
    }

    private static (string? Text, string? Button) Content(JsonElement message)
    {
        switch (Str(message, "type"))
        {
            case "text":
                return (Str(message.GetProperty("text"), "body"), null);
            case "interactive":
                var interactive = message.GetProperty("interactive");
                var reply = interactive.TryGetProperty("button_reply", out var b) ? b : interactive.GetProperty("list_reply");
                return (null, Str(reply, "id") ?? Str(reply, "title"));
            case "button":
                var button = message.GetProperty("button");
                return (null, Str(button, "payload") ?? Str(button, "text"));
            default:
                return (null, null);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
