namespace Switchboard.Grains.Storage;

/// <summary>The keys that seal each conversation's personal data in the event log and its backups.</summary>
public interface IConversationKeys
{
    /// <summary>
    /// Destroys the conversation's key (crypto-shredding): its stored personal data, in the log and in every backup of
    /// it, can no longer be read; events read back with "erased" placeholders.
    /// </summary>
    Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default);
}
