namespace Switchboard.Grains.Channels.Email;

[GenerateSerializer, Alias("Switchboard.MailboxReadersState")]
public sealed class MailboxReadersState
{
    /// <summary>Site → (UIDVALIDITY, last UID taken), for every mailbox read over IMAP.</summary>
    [Id(0)] public Dictionary<string, (uint Validity, uint LastUid)> Mailboxes { get; set; } = [];
}
