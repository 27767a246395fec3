namespace Switchboard.Contracts.Channels;

/// <summary>
/// One site's mailbox (docs/channels-email.md): its address, where mail is read (IMAP) or who may post it (a mail
/// provider's inbound webhook, by <see cref="InboundSecret"/>), the SMTP server replies leave through, and the signature
/// under every reply. Security values are MailKit's: <c>Auto</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>None</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.MailboxSettings")]
public sealed record MailboxSettings
{
    /// <summary>The address customers write to and replies come from, e.g. <c>help@shop.example</c>.</summary>
    [Id(0)] public required string Address { get; init; }
    /// <summary>The name shown with <see cref="Address"/>, e.g. the shop's.</summary>
    [Id(1)] public string? DisplayName { get; init; }
    [Id(2)] public string? ImapHost { get; init; }
    [Id(3)] public int ImapPort { get; init; } = 993;
    [Id(4)] public string ImapSecurity { get; init; } = "Auto";
    [Id(5)] public string? ImapUser { get; init; }
    [Id(6)] public string? ImapPassword { get; init; }
    /// <summary>The <c>X-Switchboard-Mail-Secret</c> a provider's inbound webhook sends; null: no webhook.</summary>
    [Id(7)] public string? InboundSecret { get; init; }
    [Id(8)] public required string SmtpHost { get; init; }
    [Id(9)] public int SmtpPort { get; init; } = 587;
    [Id(10)] public string SmtpSecurity { get; init; } = "Auto";
    [Id(11)] public string? SmtpUser { get; init; }
    [Id(12)] public string? SmtpPassword { get; init; }
    /// <summary>Plain text under every reply, after the usual <c>-- </c> line.</summary>
    [Id(13)] public string? Signature { get; init; }

    public bool ReadsImap => !string.IsNullOrEmpty(ImapHost);
}
