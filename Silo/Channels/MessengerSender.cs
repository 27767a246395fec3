using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Channels;
using Switchboard.Grains.Channels;

namespace Switchboard.Silo.Channels;

/// <summary>
/// The outbox's way to one messenger: the site's credentials for the channel, the message in the platform's terms,
/// and the platform's answer in the outbox's (send, wait and retry, or show the operator why not).
/// </summary>
public sealed class MessengerSender(string channel, IGrainFactory grains, IPlatformSender platform) : IChannelSender
{
    public string Channel => channel;

    public async Task<SendOutcome> SendAsync(string site, string contactId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = (await grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).GetChannels()).FirstOrDefault(c => c.Channel == channel);
        if (settings is not { Enabled: true })
        {
            return SendOutcome.Rejected($"The site's {channel} channel is switched off.");
        }
        var outcome = await platform.SendAsync(settings, contactId, ToPlatform(message), cancellationToken);
        return outcome.Status switch
        {
            PlatformStatus.Sent => SendOutcome.Sent(outcome.PlatformMessageId),
            PlatformStatus.RateLimited => SendOutcome.Throttled(outcome.RetryAfter ?? TimeSpan.FromSeconds(1)),
            PlatformStatus.TemplateRequired => SendOutcome.Rejected(WhatsAppWindow.ClosedReason),
            PlatformStatus.NotAllowed => SendOutcome.Rejected("The person has not allowed the community to message them on VK (901)."),
            // Network failures and the platform's own errors: tried again with backoff, then shown to the operator.
            _ => SendOutcome.Transient(outcome.Error ?? "the platform refused the message"),
        };
    }

    /// <summary>Messengers show no sender name: an operator's message says who wrote it; files go as links for now.</summary>
    private static PlatformMessage ToPlatform(OutboundMessage message)
    {
        if (message.Template is { } template)
        {
            return new PlatformMessage(message.MessageId, message.Text, Template: template, TemplateLanguage: message.TemplateLanguage);
        }
        var text = message.Author is { } author && message.Text is { } body ? $"{author}: {body}" : message.Text;
        if (message.Attachments is { Count: > 0 } files)
        {
            text = string.Join('\n', new[] { text }.Concat(files.Select(f => $"{f.Name} {f.Url}")).Where(line => line is not null));
        }
        return new PlatformMessage(message.MessageId, text, message.Buttons);
    }
}
