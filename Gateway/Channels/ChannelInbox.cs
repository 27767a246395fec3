using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Contacts;
using Switchboard.Wire;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// Hands a messenger message to the core through the same entry point the widget's socket uses. The person is a visitor
/// whose id comes from their channel identity, so a returning person continues their open chat (or is routed sticky as
/// a linked customer); the message's client id comes from the platform's update id, so the conversation's own
/// idempotency stores a redelivery once on any node. A rating button tapped after the close rates that chat.
/// </summary>
public sealed class ChannelInbox(
    ContactDesk desk, PlatformReports reports, Microsoft.Extensions.Options.IOptions<GatewaySettings> options, ILogger<ChannelInbox> logger)
{
    public async Task DeliverAsync(InboundMessage message)
    {
        if (!ContactIds.IsValid(message.UserId))
        {
            logger.LogWarning("A {Channel} update for site {Site} has no usable sender id; dropped", message.Channel, message.Site);
            return;
        }
        if (message.Status is not null)
        {
            await reports.ReportAsync(message);
            return;
        }
        var contact = await desk.IdentifyAsync(
            new Actor(ActorKind.Visitor, message.Site, ContactIds.VisitorId(message.Channel, message.UserId)), message.DisplayName);
        if (RatingOf(message.ButtonPayload) is { } score)
        {
            await desk.RateLatestAsync(contact, score);
            return;
        }
        var text = message.Text ?? message.ButtonPayload;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (text.Length > options.Value.MaxTextLength)
        {
            text = text[..options.Value.MaxTextLength];
        }
        // StartChat joins the open chat as a message when there is one, and repeats nothing for a retried client id.
        await desk.StartChatAsync(contact, new StartChatRequest(ClientId(message), null, text, null)
        {
            Channel = message.Channel,
            ContactId = message.UserId,
        });
    }

    /// <summary><c>telegram:{update id}</c>, within the protocol's client id length.</summary>
    public static string ClientId(InboundMessage message)
    {
        var id = $"{message.Channel}:{message.PlatformMessageId}";
        return id.Length <= FieldRules.MaxClientIdLength ? id : id[..FieldRules.MaxClientIdLength];
    }

    private static int? RatingOf(string? payload) =>
        payload is not null && payload.StartsWith(ReplyButton.RatePrefix, StringComparison.Ordinal)
        && int.TryParse(payload.AsSpan(ReplyButton.RatePrefix.Length), out var score) && score is >= 1 and <= 5
            ? score
            : null;
}
