using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;
using Switchboard.Domain.Channels;
using Switchboard.Gateway.Channels.Media;

namespace Switchboard.Gateway.Channels.WhatsApp;

/// <summary>
/// Reads a Cloud API notification: <c>entry[].changes[].value.messages[]</c> (text, button and list replies, images,
/// videos and documents with their captions), and
/// <c>statuses[]</c> (sent, delivered, read, failed for one of our messages' <c>wamid</c>), which become the message's
/// <c>delivery</c> events and never messages.
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
                    var media = Media(message);
                    found.Add(new InboundMessage(site, ChannelNames.WhatsApp, from, names.GetValueOrDefault(from), id, media?.Caption ?? text, button)
                    {
                        Media = media is { File: var file } ? [file] : null,
                    });
                }
                foreach (var status in Array(value, "statuses"))
                {
                    if (Report(site, status) is { } report)
                    {
                        found.Add(report);
                    }
                }
            }
        }
        return found;
    }

    /// <summary>A status of ours to the person <c>recipient_id</c>; WhatsApp's other statuses (deleted, warning) are not delivery.</summary>
    private static InboundMessage? Report(string site, JsonElement status)
    {
        var state = Str(status, "status");
        if (!DeliveryStatus.IsKnown(state))
        {
            return null;
        }
        var recipient = Str(status, "recipient_id") ?? throw new FormatException("A status without 'recipient_id'.");
        var id = Str(status, "id") ?? throw new FormatException("A status without 'id'.");
        return new InboundMessage(site, ChannelNames.WhatsApp, recipient, null, id, null, null)
        {
            Status = state,
            StatusError = state == DeliveryStatus.Failed ? Error(status) : null,
        };
    }

    /// <summary>The first of a failed status's <c>errors</c>; the closed 24-hour window in the words the operator sees for it elsewhere.</summary>
    private static string Error(JsonElement status)
    {
        if (Array(status, "errors").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } error)
        {
            return "WhatsApp could not deliver the message.";
        }
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var number) ? number : 0;
        return code == WhatsAppWindow.PlatformError
            ? WhatsAppWindow.ClosedReason
            : $"{code}: {Str(error, "title") ?? Str(error, "message") ?? "not delivered"}";
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

    /// <summary>An <c>image</c>, <c>video</c> or <c>document</c> message: its media id (fetched later) and its caption.</summary>
    private static (InboundMedia File, string? Caption)? Media(JsonElement message)
    {
        var type = Str(message, "type");
        var kind = type switch { "image" => InboundMedia.Photo, "video" => InboundMedia.Video, "document" => InboundMedia.Document, _ => null };
        if (kind is null)
        {
            return null;
        }
        var media = message.GetProperty(type!);
        var id = Str(media, "id") ?? throw new FormatException($"An {type} without 'id'.");
        return (new InboundMedia(kind, id, Str(media, "filename")), Str(media, "caption"));
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
