namespace Switchboard.Contracts.Channels;

/// <summary>
/// One channel's credentials for a site. Flat: each platform fills its own fields (CHANNELS.md, "Configuration").
/// A switched-off channel keeps its credentials so switching it back on needs only a PUT.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ChannelSettings")]
public sealed record ChannelSettings
{
    [Id(0)] public required string Channel { get; init; }
    [Id(1)] public bool Enabled { get; init; } = true;
    [Id(2)] public required string ApiBaseUrl { get; init; }
    /// <summary>Telegram's bot token.</summary>
    [Id(3)] public string? BotToken { get; init; }
    /// <summary>Telegram's <c>secret_token</c> given to <c>setWebhook</c>.</summary>
    [Id(4)] public string? WebhookSecret { get; init; }
    /// <summary>WhatsApp's or VK's access token.</summary>
    [Id(5)] public string? AccessToken { get; init; }
    [Id(6)] public string? AppSecret { get; init; }
    [Id(7)] public string? VerifyToken { get; init; }
    [Id(8)] public string? PhoneNumberId { get; init; }
    [Id(9)] public string? ApiVersion { get; init; }
    /// <summary>VK's Callback API secret, sent in every body.</summary>
    [Id(10)] public string? Secret { get; init; }
    /// <summary>VK's confirmation string, the answer to a <c>confirmation</c> event.</summary>
    [Id(11)] public string? Confirmation { get; init; }
    [Id(12)] public string? GroupId { get; init; }
    /// <summary>The generic phone adapter's secret: events in and commands out are signed with it.</summary>
    [Id(13)] public string? SigningSecret { get; init; }
    /// <summary>Where the product POSTs commands it starts itself (<c>originate</c>, pushed commands for a call).</summary>
    [Id(14)] public string? CommandUrl { get; init; }
    /// <summary>The PBX has no text-to-speech: every <c>say</c> also carries an <c>audioUrl</c> the product renders.</summary>
    [Id(15)] public bool RenderSpeech { get; init; }
    /// <summary>WhatsApp's approved templates: all that may go out once the customer's 24-hour window is closed.</summary>
    [Id(16)] public IReadOnlyList<MessageTemplate>? Templates { get; init; }
    /// <summary>The e-mail channel's mailbox: how mail comes in (IMAP or a provider's webhook) and goes out (SMTP).</summary>
    /// <remarks>Id 40, well clear of the numbers other channels take next.</remarks>
    [Id(40)] public MailboxSettings? Mailbox { get; init; }
}
