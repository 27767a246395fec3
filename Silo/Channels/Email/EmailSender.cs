using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Channels.Email;
using Switchboard.Grains.Channels;
using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Silo.Channels.Email;

/// <summary>
/// The outbox's way to a mail thread (the conversation's contact id is the thread's key): the reply composed in the
/// thread, its files attached from the attachment store, sent over the site's SMTP server. The Message-ID comes from
/// the outbox's message id, so a retry after a lost answer is the same mail to the receiving server.
/// </summary>
public sealed class EmailSender(IGrainFactory grains, IBlobStore blobs) : IChannelSender
{
    public string Channel => ChannelNames.Email;

    public async Task<SendOutcome> SendAsync(string site, string contactId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = (await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels()).FirstOrDefault(c => c.Channel == Channel);
        if (settings is not { Enabled: true, Mailbox: { } mailbox })
        {
            return SendOutcome.Rejected("The site's e-mail channel is switched off.");
        }
        var threadGrain = grains.Grain<IEmailThreadGrain>(GrainKeys.EmailThread(site, contactId));
        if (await threadGrain.Get() is not { } thread)
        {
            return SendOutcome.Rejected("The customer's e-mail thread is not known, so there is no address to answer.");
        }
        var messageId = MailThreads.OurMessageId(contactId, site, message.MessageId, mailbox.Address.Split('@')[^1]);
        var mail = ReplyMail.Compose(site, mailbox, thread, message, messageId);
        var body = new BodyBuilder { TextBody = ReplyMail.Text(message, mailbox) };
        foreach (var file in message.Attachments ?? [])
        {
            await using var stored = await blobs.OpenReadAsync(AttachmentKeys.File(file.Id), cancellationToken);
            if (stored is null)
            {
                return SendOutcome.Rejected($"The file {file.Name} is no longer stored.");
            }
            await body.Attachments.AddAsync(file.Name, stored, ContentType.Parse(file.ContentType), cancellationToken);
        }
        mail.Body = body.ToMessageBody();
        // Recorded before it leaves: a customer's quick reply must thread after it, and a retry reuses the same id.
        await threadGrain.Sent(messageId);
        try
        {
            await SendAsync(mailbox, mail, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // A 5xx answer (no such mailbox, refused by policy) will be the same next time: shown to the operator now.
            return SendOutcome.Rejected($"The mail server refused the reply: {refused.Message}");
        }
        catch (Exception error) when (error is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
                                          or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            return SendOutcome.Transient($"the mail server could not be reached or refused for now: {error.Message}");
        }
        return SendOutcome.Sent(messageId);
    }

    private static async Task SendAsync(MailboxSettings mailbox, MimeMessage mail, CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(mailbox.SmtpHost, mailbox.SmtpPort, Enum.Parse<SecureSocketOptions>(mailbox.SmtpSecurity, ignoreCase: true), cancellationToken);
        if (mailbox.SmtpUser is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, mailbox.SmtpPassword ?? "", cancellationToken);
        }
        await smtp.SendAsync(mail, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
