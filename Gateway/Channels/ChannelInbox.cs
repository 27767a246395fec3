using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Channels.Media;
using Switchboard.Gateway.Contacts;
using Switchboard.Wire;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// Hands a messenger message to the core through the same entry point the widget's socket uses. The person is a visitor
/// whose id comes from their channel identity, so a returning person continues their open chat (or is routed sticky as
/// a linked customer); the message's client id comes from the platform's update id, so the conversation's own
/// idempotency stores a redelivery once on any node. Its files are fetched and stored before it is appended, and taken
/// by the conversation after. A rating button tapped after the close rates that chat.
/// </summary>
public sealed class ChannelInbox(
    ContactDesk desk, PlatformReports reports, MessengerFiles files, AttachmentClaims claims, IGrainFactory grains,
    Microsoft.Extensions.Options.IOptions<GatewaySettings> options, ILogger<ChannelInbox> logger)
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
        var fetched = await FetchFilesAsync(message, contact);
        var text = string.Join('\n', new[] { message.Text ?? message.ButtonPayload }.Concat(fetched.Notes).Where(line => !string.IsNullOrWhiteSpace(line)));
        if (text.Length == 0 && fetched.Stored.Count == 0)
        {
            return;
        }
        if (text.Length > options.Value.MaxTextLength)
        {
            text = text[..options.Value.MaxTextLength];
        }
        // StartChat joins the open chat as a message when there is one, and repeats nothing for a retried client id.
        var joined = await desk.StartChatAsync(contact, new StartChatRequest(ClientId(message), null, text.Length > 0 ? text : null, null)
        {
            Channel = message.Channel,
            ContactId = message.UserId,
            Attachments = fetched.Attachments,
        });
        await claims.TakeAsync(joined.Result.ConversationId, fetched.Stored);
    }

    private async Task<InboundFiles> FetchFilesAsync(InboundMessage message, Actor contact)
    {
        if (message.Media is not { Count: > 0 })
        {
            return InboundFiles.None;
        }
        if (await ChannelLookup.FindEnabledAsync(grains, message.Site, message.Channel) is not { } settings)
        {
            return new InboundFiles([], [$"[{message.Media.Count} file(s) not fetched: the {message.Channel} channel is switched off]"]);
        }
        return await files.FetchAsync(settings, message, Uploader.OfVisitor(contact.Id), CancellationToken.None);
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
