using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Channels;
using Switchboard.Grains.Channels;
using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Silo.Channels;

/// <summary>
/// The outbox's way to one messenger: the site's credentials for the channel, the message in the platform's terms,
/// and the platform's answer in the outbox's (send, wait and retry, or show the operator why not). A file goes through
/// the platform's own upload from a local copy of the stored attachment; only a file the platform refuses goes as text.
/// </summary>
public sealed class MessengerSender(string channel, IGrainFactory grains, IPlatformSender platform, IBlobStore blobs) : IChannelSender
{
    public string Channel => channel;

    public async Task<SendOutcome> SendAsync(string site, string contactId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = (await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels()).FirstOrDefault(c => c.Channel == channel);
        if (settings is not { Enabled: true })
        {
            return SendOutcome.Rejected($"The site's {channel} channel is switched off.");
        }
        if (message.Template is null && message.Attachments is { Count: > 0 } files)
        {
            // The outbox sends one file per part (OutboundParts); a message stored before it did goes file by file here.
            SendOutcome outcome = SendOutcome.Rejected("Nothing was sent.");
            foreach (var file in files)
            {
                outcome = await SendFileAsync(settings, contactId, message, file, cancellationToken);
                if (outcome.Result != SendResult.Sent)
                {
                    return outcome;
                }
            }
            return outcome;
        }
        return Translate(await platform.SendAsync(settings, contactId, ToPlatform(message), cancellationToken));
    }

    private async Task<SendOutcome> SendFileAsync(
        ChannelSettings settings, string contactId, OutboundMessage message, Attachment file, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), "switchboard-outbound-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stored = await blobs.OpenReadAsync(AttachmentKeys.File(file.Id), cancellationToken))
            {
                if (stored is null)
                {
                    return SendOutcome.Rejected($"The file {file.Name} is no longer stored.");
                }
                await using var local = File.Create(copy);
                await stored.CopyToAsync(local, cancellationToken);
            }
            var text = ToPlatform(message).Text;
            var sent = await platform.SendAsync(settings, contactId, new PlatformMessage(message.MessageId, text)
            {
                File = new PlatformFile(file.Name, file.ContentType, file.Size, copy),
            }, cancellationToken);
            if (sent.Status != PlatformStatus.Unsupported)
            {
                return Translate(sent);
            }
            var fallback = string.Join('\n', new[] { text, $"{file.Name} ({file.Size / 1024} KB) could not be sent through {channel}: {sent.Error}" }.Where(t => t is not null));
            return Translate(await platform.SendAsync(settings, contactId, new PlatformMessage(message.MessageId, fallback), cancellationToken));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static SendOutcome Translate(PlatformOutcome outcome) => outcome.Status switch
    {
        PlatformStatus.Sent => SendOutcome.Sent(outcome.PlatformMessageId),
        PlatformStatus.RateLimited => SendOutcome.Throttled(outcome.RetryAfter ?? TimeSpan.FromSeconds(1)),
        PlatformStatus.TemplateRequired => SendOutcome.Rejected(WhatsAppWindow.ClosedReason),
        PlatformStatus.NotAllowed => SendOutcome.Rejected("The person has not allowed the community to message them on VK (901)."),
        // Network failures and the platform's own errors: tried again with backoff, then shown to the operator.
        _ => SendOutcome.Transient(outcome.Error ?? "the platform refused the message"),
    };

    /// <summary>Messengers show no sender name: an operator's message says who wrote it.</summary>
    private static PlatformMessage ToPlatform(OutboundMessage message)
    {
        if (message.Template is { } template)
        {
            return new PlatformMessage(message.MessageId, message.Text, Template: template, TemplateLanguage: message.TemplateLanguage);
        }
        var text = message.Author is { } author && message.Text is { } body ? $"{author}: {body}" : message.Text;
        return new PlatformMessage(message.MessageId, text, message.Buttons);
    }
}
