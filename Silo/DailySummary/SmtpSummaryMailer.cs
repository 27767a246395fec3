using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Switchboard.Grains.DailySummary;

namespace Switchboard.Silo.DailySummary;

/// <summary>Sends a summary over SMTP with MailKit, one connection per summary (a few a day).</summary>
public sealed class SmtpSummaryMailer(SmtpOptions options) : ISummaryMailer
{
    public async Task SendAsync(IReadOnlyList<string> recipients, string subject, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Host))
        {
            throw new InvalidOperationException("No mail server is configured (Smtp:Host).");
        }
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.AddRange(recipients.Select(MailboxAddress.Parse));
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        if (options.UserName is not null)
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
