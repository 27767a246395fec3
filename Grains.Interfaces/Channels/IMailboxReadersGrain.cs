namespace Switchboard.Contracts.Channels;

/// <summary>
/// Who reads which IMAP mailbox (one grain for the cluster, key <c>mailboxes</c>): each mailbox is read by one gateway
/// node at a time, which holds it by a lease it renews; a node that stops renewing loses its mailboxes to the others.
/// Also where each mailbox's read position (UIDVALIDITY and the last UID taken) is kept, so a restart or another node
/// reads nothing twice.
/// </summary>
[Alias("Switchboard.IMailboxReadersGrain")]
public interface IMailboxReadersGrain : IGrainWithStringKey
{
    public const string Key = "mailboxes";

    /// <summary>The site's mailbox is read over IMAP (or, with false, no longer).</summary>
    [Alias("SetReading")]
    Task SetReading(string site, bool reading);

    /// <summary>Renews <paramref name="node"/>'s leases and gives it the mailboxes nobody holds; returns all it holds now.</summary>
    [Alias("Claim")]
    Task<IReadOnlyList<string>> Claim(string node, TimeSpan lease);

    /// <summary>Where reading <paramref name="site"/>'s mailbox resumes: (UIDVALIDITY, last UID taken), or (0, 0).</summary>
    [Alias("Position")]
    Task<(uint Validity, uint LastUid)> Position(string site);

    /// <summary>Every mail up to <paramref name="lastUid"/> was taken.</summary>
    [Alias("Advance")]
    Task Advance(string site, uint validity, uint lastUid);
}
