using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// Hands a messenger message to the core with the same grain calls a widget socket makes. The person is a visitor
/// whose id comes from their channel identity, so a returning person continues their open chat; the message's client
/// id comes from the platform's update id, so the conversation's own idempotency stores a redelivery once on any node.
/// </summary>
public sealed class ChannelInbox(IGrainFactory grains, Microsoft.Extensions.Options.IOptions<GatewayOptions> options)
{
    public async Task DeliverAsync(InboundMessage message)
    {
        var text = message.Text ?? message.ButtonPayload;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (text.Length > options.Value.MaxTextLength)
        {
            text = text[..options.Value.MaxTextLength];
        }
        var visitor = grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(message.Site, VisitorId(message)));
        await visitor.Hello(new VisitorHello(null, null, null), null);
        // StartChat joins the open chat as a message when there is one, and repeats nothing for a retried client id.
        // TODO(lead): carry message.Channel and message.DisplayName once StartChatRequest has them.
        await visitor.StartChat(new StartChatRequest(ClientId(message), null, text, null), null);
    }

    /// <summary><c>telegram-123456</c>: letters, digits and '-' only, so it is a safe grain key part.</summary>
    public static string VisitorId(InboundMessage message) =>
        $"{message.Channel}-{new string([.. message.UserId.Where(char.IsAsciiLetterOrDigit)])}";

    /// <summary><c>telegram:{update id}</c>, within the protocol's client id length.</summary>
    public static string ClientId(InboundMessage message)
    {
        var id = $"{message.Channel}:{message.PlatformMessageId}";
        return id.Length <= InboundFrame.MaxClientIdLength ? id : id[..InboundFrame.MaxClientIdLength];
    }
}
