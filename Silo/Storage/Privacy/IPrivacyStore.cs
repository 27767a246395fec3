namespace Switchboard.Silo.Storage.Privacy;

/// <summary>What erasure and retention need of the database besides the keys: the erasure audit, and deleting old conversations.</summary>
public interface IPrivacyStore
{
    Task RecordErasureAsync(string site, ErasureRecord erasure, CancellationToken cancellationToken = default);

    /// <summary>The site's erasures, newest first.</summary>
    Task<IReadOnlyList<ErasureRecord>> ErasuresAsync(string site, int max, CancellationToken cancellationToken = default);

    /// <summary>Every site the event log holds conversations of.</summary>
    Task<IReadOnlyList<string>> SitesAsync(CancellationToken cancellationToken = default);

    /// <summary>Keys of the site's conversations whose latest event is older than <paramref name="before"/>.</summary>
    Task<IReadOnlyList<string>> ExpiredConversationsAsync(string site, DateTimeOffset before, int max, CancellationToken cancellationToken = default);

    /// <summary>Deletes every event of the conversation.</summary>
    Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken = default);
}
