using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Channels;

/// <summary>A channel as supervisors see it listed: identifiers in full, every secret reduced to its last four characters.</summary>
public sealed record MaskedChannel(
    string Channel,
    bool Enabled,
    string ApiBaseUrl,
    string? BotToken,
    string? WebhookSecret,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? PhoneNumberId,
    string? ApiVersion,
    string? Secret,
    string? Confirmation,
    string? GroupId,
    string? SigningSecret = null,
    string? CommandUrl = null,
    bool? RenderSpeech = null,
    IReadOnlyList<MessageTemplate>? Templates = null,
    Email.MaskedMailbox? Mailbox = null)
{
    public static MaskedChannel From(ChannelSettings s) => new(
        s.Channel, s.Enabled, s.ApiBaseUrl, Mask(s.BotToken), Mask(s.WebhookSecret), Mask(s.AccessToken), Mask(s.AppSecret),
        Mask(s.VerifyToken), s.PhoneNumberId, s.ApiVersion, Mask(s.Secret), s.Confirmation, s.GroupId,
        Mask(s.SigningSecret), s.CommandUrl, s.Channel == ChannelNames.Phone ? s.RenderSpeech : null, s.Templates,
        s.Mailbox is { } mailbox ? Email.MaskedMailbox.From(mailbox) : null);

    // Four characters tell a supervisor which token is set without making it usable; short secrets show nothing.
    private static string? Mask(string? secret) => secret switch
    {
        null => null,
        { Length: >= 16 } => "…" + secret[^4..],
        _ => "…",
    };
}
