namespace Switchboard.Grains.Storage;

/// <summary>The keys that seal each conversation's personal data in the event log and its backups.</summary>
public interface IConversationKeys
{
    /// <summary>
    /// Destroys the conversation's key (crypto-shredding): its stored personal data, in the log and in every backup of
    /// it, can no longer be read; events read back with "erased" placeholders.
    /// </summary>
    Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a new conversation's key ahead of its first append, so a chat's start can write the key alongside other
    /// work instead of before its first event (the key must be stored before any event sealed with it). A new
    /// visitor's own key (named by their grain key) is made the same way as they say hello, ahead of their first state
    /// write. Idempotent: an owner whose key is stored keeps it.
    /// </summary>
    Task PrepareAsync(string conversationKey, CancellationToken cancellationToken = default);
}
