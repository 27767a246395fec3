using System.Text.Json;
using Switchboard.Gateway.Channels;
using Switchboard.Gateway.Channels.Telegram;
using Switchboard.Gateway.Channels.Vk;
using Switchboard.Gateway.Channels.WhatsApp;

namespace Switchboard.LoadTests.Fuzz;

/// <summary>
/// A messenger platform's webhook body after its authentication passed, read as <see cref="WebhookIntake"/> reads
/// it: what <see cref="WebhookIntake.IsMalformed"/> names is logged and answered 200; anything else thrown would
/// fail the request, and the platform would redeliver the update for days.
/// </summary>
public static class WebhookTarget
{
    private const string Site = "fuzz";

    public static readonly FuzzTarget Telegram = new("telegram", "a Telegram Bot API update", body => Run(body, update => TelegramUpdate.Parse(Site, update)));

    public static readonly FuzzTarget WhatsApp = new("whatsapp", "a WhatsApp Cloud API notification", body => Run(body, note => WhatsAppUpdate.Parse(Site, note)));

    public static readonly FuzzTarget Vk = new("vk", "a VK Callback API event", body => Run(body, callback => VkUpdate.Parse(Site, callback)));

    private static void Run(byte[] body, Func<JsonElement, IReadOnlyList<InboundMessage>> parse)
    {
        IReadOnlyList<InboundMessage> messages;
        try
        {
            using var document = JsonDocument.Parse(body);
            messages = parse(document.RootElement);
        }
        catch (Exception error) when (WebhookIntake.IsMalformed(error))
        {
            return;
        }
        foreach (var message in messages)
        {
            if (message.UserId is null || message.PlatformMessageId is null || message.Site != Site)
            {
                throw new InvalidOperationException("Broken rule: a message read from an update names its site, sender and platform id.");
            }
        }
    }
}
