using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>What a conversation event or a first contact tells a retailer's endpoint.</summary>
public static class WebhookNotices
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The webhook event a conversation event is, or null for those not offered (assignments, notes, deliveries…).</summary>
    public static string? EventOf(ConversationEvent evt) => evt.Type switch
    {
        EventTypes.Started => WebhookEvents.ConversationStarted,
        EventTypes.Message => WebhookEvents.Message,
        EventTypes.Closed => WebhookEvents.ConversationClosed,
        EventTypes.Rated => WebhookEvents.Rated,
        EventTypes.Callback => WebhookEvents.CallbackRequested,
        _ => null,
    };

    public static WebhookNotice? Of(string conversationId, ConversationEvent evt) =>
        EventOf(evt) is { } webhookEvent
            ? new WebhookNotice($"c-{conversationId}-{evt.Seq}", webhookEvent, evt.At,
                JsonSerializer.Serialize(new ConversationEventData(conversationId, evt), Json))
            : null;

    public static WebhookNotice FirstContact(string customerId, string conversationId, string channel, DateTimeOffset at) =>
        new($"u-{customerId}-first", WebhookEvents.CustomerFirstContact, at,
            JsonSerializer.Serialize(new FirstContactData(customerId, conversationId, channel, at), Json));

    /// <summary>
    /// The signed body of one attempt. <c>timestamp</c> is the attempt's time, inside the signed bytes, so a receiver
    /// can refuse a delivery captured and replayed later by someone else; <c>id</c> stays the same on every attempt.
    /// </summary>
    public static byte[] Body(string site, string deliveryId, WebhookNotice notice, DateTimeOffset attemptAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", deliveryId);
            writer.WriteString("event", notice.Event);
            writer.WriteString("site", site);
            writer.WriteNumber("timestamp", attemptAt.ToUnixTimeSeconds());
            writer.WriteString("occurredAt", notice.At);
            writer.WritePropertyName("data");
            writer.WriteRawValue(notice.DataJson);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private sealed record ConversationEventData(string ConversationId, ConversationEvent Event);

    private sealed record FirstContactData(string CustomerId, string ConversationId, string Channel, DateTimeOffset At);
}
