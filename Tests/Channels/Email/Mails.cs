using MimeKit;

namespace Switchboard.Tests.Channels.Email;

/// <summary>Customers' mails as their mail clients write them, as raw MIME.</summary>
public static class Mails
{
    public const string Customer = "ivan@customer.example";

    public static MimeMessage From(string messageId, string subject, string text, string? inReplyTo = null, IEnumerable<string>? references = null)
    {
        var mail = new MimeMessage { MessageId = messageId, Subject = subject, Body = new TextPart("plain") { Text = text } };
        mail.From.Add(new MailboxAddress("Ivan Petrov", Customer));
        mail.To.Add(new MailboxAddress("Shop", "help@shop.example"));
        if (inReplyTo is not null)
        {
            mail.InReplyTo = inReplyTo;
        }
        mail.References.AddRange(references ?? []);
        return mail;
    }

    public static byte[] Raw(MimeMessage mail)
    {
        using var bytes = new MemoryStream();
        mail.WriteTo(bytes);
        return bytes.ToArray();
    }
}
