namespace Switchboard.Domain.Channels.Email;

/// <summary>What an inbound mail is: only a person's mail starts or continues a conversation.</summary>
public enum MailKind
{
    Person,
    /// <summary>An out-of-office, vacation or other automatic answer (RFC 3834), or bulk and list mail.</summary>
    AutoReply,
    /// <summary>A delivery failure report (RFC 3464 <c>multipart/report</c>) or a mailer daemon's message.</summary>
    Bounce,
    /// <summary>A mail of ours come back, or one from our own address: answering it would loop.</summary>
    Loop,
}
