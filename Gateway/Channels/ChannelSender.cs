using Switchboard.Contracts.Channels;
using Switchboard.Gateway.Channels.Telegram;
using Switchboard.Gateway.Channels.Vk;
using Switchboard.Gateway.Channels.WhatsApp;

namespace Switchboard.Gateway.Channels;

/// <summary>The one sender over every messenger: picks the platform's client by the settings' channel.</summary>
public sealed class ChannelSender(TelegramSender telegram, WhatsAppSender whatsApp, VkSender vk) : IChannelSender
{
    public Task<SendOutcome> SendAsync(ChannelSettings settings, string recipient, OutboundMessage message, CancellationToken cancellationToken) =>
        settings.Channel switch
        {
            ChannelNames.Telegram => telegram.SendAsync(settings, recipient, message, cancellationToken),
            ChannelNames.WhatsApp => whatsApp.SendAsync(settings, recipient, message, cancellationToken),
            ChannelNames.Vk => vk.SendAsync(settings, recipient, message, cancellationToken),
            _ => Task.FromResult(new SendOutcome(SendStatus.Failed, Error: $"No sender for '{settings.Channel}'.")),
        };
}
