using Switchboard.Contracts.Channels;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>A mailbox as supervisors see it listed: servers and users in full, passwords and the webhook secret never.</summary>
public sealed record MaskedMailbox(
    string Address, string? DisplayName, string SmtpHost, int SmtpPort, string SmtpSecurity, string? SmtpUser, bool SmtpPasswordSet,
    string? ImapHost, int ImapPort, string ImapSecurity, string? ImapUser, bool ImapPasswordSet, bool InboundSecretSet, string? Signature)
{
    public static MaskedMailbox From(MailboxSettings m) => new(
        m.Address, m.DisplayName, m.SmtpHost, m.SmtpPort, m.SmtpSecurity, m.SmtpUser, m.SmtpPassword is not null,
        m.ImapHost, m.ImapPort, m.ImapSecurity, m.ImapUser, m.ImapPassword is not null, m.InboundSecret is not null, m.Signature);
}
