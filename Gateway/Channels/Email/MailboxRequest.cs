using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// The body of <c>PUT /api/sites/{site}/channels/email</c>: the mailbox's address, how mail comes in (IMAP, or a
/// provider's webhook with <see cref="InboundSecret"/>, or both), the SMTP server replies leave through, the signature.
/// </summary>
public sealed record MailboxRequest(
    string? Address,
    string? DisplayName,
    string? SmtpHost,
    int? SmtpPort,
    string? SmtpSecurity,
    string? SmtpUser,
    string? SmtpPassword,
    string? ImapHost = null,
    int? ImapPort = null,
    string? ImapSecurity = null,
    string? ImapUser = null,
    string? ImapPassword = null,
    string? InboundSecret = null,
    string? Signature = null)
{
    public const int MaxFieldLength = ChannelRequest.MaxFieldLength;
    public const int MaxSignatureLength = 2000;
    private static readonly string[] Securities = ["Auto", "SslOnConnect", "StartTls", "StartTlsWhenAvailable", "None"];

    public (ChannelSettings? Settings, Dictionary<string, string[]> Problems) ToSettings()
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!MimeKit.MailboxAddress.TryParse(Address ?? "", out var address) || address.Address != Address?.Trim() || !address.Address.Contains('@'))
        {
            problems["address"] = ["An e-mail address such as help@shop.example."];
        }
        Require(problems, "smtpHost", SmtpHost);
        Port(problems, "smtpPort", SmtpPort);
        Security(problems, "smtpSecurity", SmtpSecurity);
        if (ImapHost is null && InboundSecret is null)
        {
            problems["imapHost"] = ["Mail comes in over IMAP (imapHost, imapUser, imapPassword) or a provider's webhook (inboundSecret): give one."];
        }
        if (ImapHost is not null)
        {
            Require(problems, "imapHost", ImapHost);
            Require(problems, "imapUser", ImapUser);
            Require(problems, "imapPassword", ImapPassword);
            Port(problems, "imapPort", ImapPort);
            Security(problems, "imapSecurity", ImapSecurity);
        }
        if (InboundSecret is not null && (InboundSecret.Length is < 16 or > MaxFieldLength))
        {
            problems["inboundSecret"] = [$"16 to {MaxFieldLength} characters."];
        }
        if (Signature?.Length > MaxSignatureLength)
        {
            problems["signature"] = [$"At most {MaxSignatureLength} characters."];
        }
        foreach (var (name, value) in new[] { ("displayName", DisplayName), ("smtpUser", SmtpUser), ("smtpPassword", SmtpPassword) })
        {
            if (value?.Length > MaxFieldLength)
            {
                problems[name] = [$"At most {MaxFieldLength} characters."];
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ChannelSettings
        {
            Channel = ChannelNames.Email,
            ApiBaseUrl = "",
            Mailbox = new MailboxSettings
            {
                Address = Address!.Trim(), DisplayName = DisplayName, SmtpHost = SmtpHost!, SmtpPort = SmtpPort ?? 587,
                SmtpSecurity = SmtpSecurity ?? "Auto", SmtpUser = SmtpUser, SmtpPassword = SmtpPassword,
                ImapHost = ImapHost, ImapPort = ImapPort ?? 993, ImapSecurity = ImapSecurity ?? "Auto", ImapUser = ImapUser,
                ImapPassword = ImapPassword, InboundSecret = InboundSecret, Signature = Signature,
            },
        }, problems);
    }

    private static void Require(Dictionary<string, string[]> problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxFieldLength)
        {
            problems[name] = [$"Required, at most {MaxFieldLength} characters."];
        }
    }

    private static void Port(Dictionary<string, string[]> problems, string name, int? port)
    {
        if (port is < 1 or > 65535)
        {
            problems[name] = ["A port from 1 to 65535."];
        }
    }

    private static void Security(Dictionary<string, string[]> problems, string name, string? security)
    {
        if (security is not null && !Securities.Contains(security, StringComparer.OrdinalIgnoreCase))
        {
            problems[name] = [$"One of: {string.Join(", ", Securities)}."];
        }
    }
}
