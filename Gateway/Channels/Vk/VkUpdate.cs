using Switchboard.Contracts.Conversations;
using System.Text.Json;
using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Vk;

/// <summary>Reads a Callback API <c>message_new</c> event: <c>object.message</c> with its text and a keyboard button's payload.</summary>
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
        return [new InboundMessage(site, ChannelNames.Vk, from, null, eventId, text, payload)];
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
