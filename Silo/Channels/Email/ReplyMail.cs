using MimeKit;
using Switchboard.Contracts.Channels;
using Switchboard.Domain.Channels.Email;

namespace Switchboard.Silo.Channels.Email;

/// <summary>
/// An operator's answer as a mail in the customer's thread: <c>Re:</c> their subject, <c>In-Reply-To</c> their latest
/// message, <c>References</c> the thread's root and latest ids, the site's signature under the text, and our loop header.
/// </summary>
public static class ReplyMail
{
    public static MimeMessage Compose(string site, MailboxSettings mailbox, EmailThread thread, OutboundMessage message, string messageId)
    {
        var mail = new MimeMessage { Subject = Reply(thread.Subject), MessageId = messageId };
        mail.From.Add(new MailboxAddress(mailbox.DisplayName ?? "", mailbox.Address));
        mail.To.Add(new MailboxAddress(thread.Name ?? "", thread.Address));
        if (thread.MessageIds.Count > 0)
        {
            mail.InReplyTo = thread.MessageIds[^1];
            mail.References.AddRange(thread.MessageIds);
        }
        mail.Headers.Add(AutomaticMail.LoopHeader, site);
        if (message.Purpose is not null)
        {
            // RFC 3834: an automatic answer says so, and other responders must not answer it.
            mail.Headers.Add("Auto-Submitted", "auto-replied");
        }
        return mail;
    }

    public static string Text(OutboundMessage message, MailboxSettings mailbox)
    {
        var text = message.Text ?? "";
        return string.IsNullOrWhiteSpace(mailbox.Signature) ? text : $"{text}\n\n-- \n{mailbox.Signature.Trim()}";
    }

    private static string Reply(string subject) =>
        subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : $"Re: {(subject.Length > 0 ? subject : "your message")}";
}
