namespace Switchboard.Gateway.Channels.Email;

/// <summary>What became of an inbound mail; every outcome but <see cref="Delivered"/> is logged with the reason.</summary>
public enum MailOutcome
{
    /// <summary>In a conversation (a new one for a new thread), or found there already: a re-read mail.</summary>
    Delivered,
    /// <summary>An automatic answer, a bounce or our own mail come back: never a conversation, never answered.</summary>
    Automatic,
    /// <summary>Not a mail we can read (no sender, not MIME): left where it was, logged.</summary>
    Malformed,
    /// <summary>The site has no mailbox switched on.</summary>
    NoMailbox,
}
