namespace Switchboard.Contracts.Conversations;

/// <summary>
/// Where a conversation takes place (CHANNELS.md): every conversation has exactly one, fixed at its start.
/// Routing, timers and the console treat all alike; only a channel's adapter knows how to reach the person.
/// </summary>
public static class ChannelNames
{
    public const string Web = "web";
    public const string Telegram = "telegram";
    public const string WhatsApp = "whatsapp";
    public const string Vk = "vk";
    public const string Phone = "phone";
    /// <summary>A mailbox's thread (docs/channels-email.md), or a web form answered by e-mail.</summary>
    public const string Email = "email";
    /// <summary>A web form whose sender asked to be called back.</summary>
    public const string Form = "form";

    public static IReadOnlyList<string> All { get; } = [Web, Telegram, WhatsApp, Vk, Phone, Email, Form];

    /// <summary>The channels a site configures with a messenger platform's credentials.</summary>
    public static IReadOnlyList<string> Messengers { get; } = [Telegram, WhatsApp, Vk];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);

    /// <summary>Logs written before channels existed hold web chats only.</summary>
    public static string OrWeb(string? channel) => string.IsNullOrEmpty(channel) ? Web : channel;
}
