using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Channels;
using Switchboard.Silo.Channels.Telegram;
using Switchboard.Silo.Channels.Vk;
using Switchboard.Silo.Channels.WhatsApp;

namespace Switchboard.Silo.Channels;

/// <summary>The one sender over every messenger: picks the platform's client by the settings' channel.</summary>
public sealed class PlatformSenders(TelegramSender telegram, WhatsAppSender whatsApp, VkSender vk) : IPlatformSender
{
    public Task<PlatformOutcome> SendAsync(ChannelSettings settings, string recipient, PlatformMessage message, CancellationToken cancellationToken) =>
        settings.Channel switch
        {
            ChannelNames.Telegram => telegram.SendAsync(settings, recipient, message, cancellationToken),
            ChannelNames.WhatsApp => whatsApp.SendAsync(settings, recipient, message, cancellationToken),
            ChannelNames.Vk => vk.SendAsync(settings, recipient, message, cancellationToken),
            _ => Task.FromResult(new PlatformOutcome(PlatformStatus.Failed, Error: $"No sender for '{settings.Channel}'.")),
        };
}
