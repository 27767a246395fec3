namespace Switchboard.Domain.Channels.Email;

/// <summary>
/// Recognises mail no person wrote by its headers, the way RFC 3834 asks responders to: such mail never starts a
/// conversation and is never answered, which is what stops two automatic responders from answering each other.
/// </summary>
public static class AutomaticMail
{
    /// <summary>On every mail we send, naming the site: a mail that comes back carrying it is ours, not a customer's.</summary>
    public const string LoopHeader = "X-Switchboard-Mail";

    private static readonly string[] AutomaticPrecedence = ["bulk", "junk", "list", "auto_reply"];
    private static readonly string[] DaemonMailboxes = ["mailer-daemon", "postmaster"];

    /// <param name="header">A header's value by name, or null when the mail has none.</param>
    /// <param name="from">The sender's address.</param>
    /// <param name="contentType">The top-level MIME type, e.g. <c>multipart/report</c>.</param>
    /// <param name="ownAddress">The mailbox's own address.</param>
    public static MailKind Classify(Func<string, string?> header, string from, string contentType, string ownAddress)
    {
        if (header(LoopHeader) is not null || string.Equals(from, ownAddress, StringComparison.OrdinalIgnoreCase))
        {
            return MailKind.Loop;
        }
        var local = from.Split('@')[0];
        if (contentType.Equals("multipart/report", StringComparison.OrdinalIgnoreCase)
            || DaemonMailboxes.Contains(local, StringComparer.OrdinalIgnoreCase))
        {
            return MailKind.Bounce;
        }
        var submitted = header("Auto-Submitted")?.Trim();
        if ((submitted is { Length: > 0 } && !submitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
            || header("X-Autoreply") is not null || header("X-Autorespond") is not null
            || header("Precedence") is { } precedence && AutomaticPrecedence.Contains(precedence.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return MailKind.AutoReply;
        }
        return MailKind.Person;
    }
}
