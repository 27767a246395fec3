namespace Switchboard.Contracts.Channels;

/// <summary>The messenger channels of CHANNELS.md that a site configures with credentials.</summary>
public static class ChannelNames
{
    public const string Telegram = "telegram";
    public const string WhatsApp = "whatsapp";
    public const string Vk = "vk";

    public static readonly IReadOnlyList<string> Messengers = [Telegram, WhatsApp, Vk];
}
