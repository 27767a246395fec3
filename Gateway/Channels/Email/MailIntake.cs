using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels.Email;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Contacts;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// One inbound mail into the core, from IMAP or a provider's webhook alike. Automatic mail (auto-replies, bounces, our
/// own mail come back) is logged and goes no further. A person's mail is a message in the conversation of its thread:
/// the thread's key is the conversation's contact id and names its visitor (<c>email-{key}</c>), so a reply continues
/// the open conversation, and the mail's Message-ID is its client id, so a mail read twice is stored once.
/// </summary>
public sealed partial class MailIntake(
    ContactDesk desk, MailFiles files, AttachmentClaims claims, IGrainFactory grains, IOptions<GatewaySettings> options,
    ILogger<MailIntake> logger)
{
    /// <summary>A mail up to this size is read whole; a larger one by its headers only, and the operator is told.</summary>
    public const long MaxMailBytes = 25L * 1024 * 1024;

    public async Task<MailOutcome> AcceptAsync(string site, InboundMail inbound, CancellationToken cancellationToken)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Email) is not { Mailbox: { } mailbox })
        {
            return MailOutcome.NoMailbox;
        }
        var mail = inbound.Message;
        var messageId = mail.MessageId ?? SubstituteMessageId(mail);
        if ((mail.From.Mailboxes.FirstOrDefault() ?? mail.Sender) is not { Address: { Length: > 0 } address } from || !address.Contains('@'))
        {
            LogMalformed(site, messageId, inbound.Size);
            return MailOutcome.Malformed;
        }
        var kind = AutomaticMail.Classify(name => mail.Headers[name], address, mail.Body?.ContentType.MimeType ?? "text/plain", mailbox.Address);
        if (kind != MailKind.Person)
        {
            LogAutomatic(site, kind, messageId);
            return MailOutcome.Automatic;
        }
        var threadKey = MailThreads.KeyOf(messageId, mail.InReplyTo, [.. mail.References]);
        var thread = grains.Grain<IEmailThreadGrain>(GrainKeys.EmailThread(site, threadKey));
        var isNew = await thread.Get() is null;
        await thread.Received(address, NameOf(from), mail.Subject ?? "", messageId);

        var visitorId = ContactIds.VisitorId(ChannelNames.Email, threadKey);
        var contact = await desk.IdentifyAsync(new Actor(ActorKind.Visitor, site, visitorId), NameOf(from) ?? address);
        var stored = inbound.HeadersOnly
            ? Media.InboundFiles.None
            : await files.StoreAsync(site, messageId, mail, Uploader.OfVisitor(visitorId), cancellationToken);
        var text = Text(mail, inbound, isNew, stored.Notes);
        var joined = await desk.StartChatAsync(contact, new StartChatRequest(MailThreads.ClientId(messageId), null, text, null)
        {
            Channel = ChannelNames.Email,
            ContactId = threadKey,
            Attachments = stored.Attachments,
        });
        await claims.TakeAsync(joined.Result.ConversationId, stored.Stored, cancellationToken);
        return MailOutcome.Delivered;
    }

    /// <summary>
    /// What the operator reads: the subject on a thread's first mail, the new part of the text (not the quoted thread),
    /// and a line for each file not taken or a body not read.
    /// </summary>
    private string Text(MimeMessage mail, InboundMail inbound, bool isNew, IReadOnlyList<string> notes)
    {
        var lines = new List<string?>();
        if (isNew && !string.IsNullOrWhiteSpace(mail.Subject))
        {
            lines.Add($"Subject: {mail.Subject.Trim()}");
        }
        if (inbound.HeadersOnly)
        {
            lines.Add($"[This e-mail was {inbound.Size / (1024 * 1024)} MB, over the {MaxMailBytes / (1024 * 1024)} MB limit: its text and files were not read. Ask the customer to send the files in smaller mails.]");
        }
        else
        {
            lines.Add(QuotedReply.Strip(mail.TextBody ?? HtmlText.Plain(mail.HtmlBody) ?? ""));
        }
        lines.AddRange(notes);
        var text = string.Join("\n\n", lines.Where(l => !string.IsNullOrWhiteSpace(l)));
        if (text.Length == 0)
        {
            text = "[an e-mail without text]";
        }
        var max = options.Value.MaxTextLength;
        return text.Length <= max ? text : text[..(max - 40)] + "\n[… the rest of the e-mail was cut]";
    }

    private static string? NameOf(MailboxAddress from) => string.IsNullOrWhiteSpace(from.Name) ? null : from.Name.Trim();

    /// <summary>A mail without a Message-ID still needs one stable id: its sender, date and subject, hashed.</summary>
    private static string SubstituteMessageId(MimeMessage mail) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{mail.From}\n{mail.Date:O}\n{mail.Subject}"))).Substring(0, 32) + "@no-message-id";

    [LoggerMessage(LogLevel.Warning, "A mail for site {Site} ({MessageId}, {Size} bytes) has no sender address and was not delivered: it is left as it came.")]
    private partial void LogMalformed(string site, string messageId, long size);

    [LoggerMessage(LogLevel.Information, "A mail for site {Site} ({MessageId}) is automatic ({Kind}): no conversation, no answer.")]
    private partial void LogAutomatic(string site, MailKind kind, string messageId);
}
