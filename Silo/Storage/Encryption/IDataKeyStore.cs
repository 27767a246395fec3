namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Where wrapped data keys live: apart from the data they protect (its own SQLite file standalone, its own table in
/// PostgreSQL that data backups leave out), so that deleting a key makes every copy of that data unreadable,
/// including backups taken before. Owners are <c>site:{site}</c> for site keys and the conversation's grain key.
/// </summary>
public interface IDataKeyStore
{
    Task<WrappedKey?> FindAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="key"/> unless the owner has one already; returns the one stored (another node may have won).</summary>
    Task<WrappedKey> AddAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default);

    /// <summary>Replaces the owner's key (a re-wrap under a new master key).</summary>
    Task ReplaceAsync(string owner, WrappedKey key, CancellationToken cancellationToken = default);

    /// <summary>Destroys the owner's key; a missing one is not an error.</summary>
    Task DeleteAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Every site key, for the start-up check and re-wrap.</summary>
    Task<IReadOnlyList<(string Owner, WrappedKey Key)>> SiteKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> data keys of the site (owners <c>{site}/…</c>: conversations, customers, visitors,
    /// calls) after <paramref name="after"/> in ordinal order of owner, for a re-wrap that resumes where it stopped.
    /// </summary>
    Task<IReadOnlyList<(string Owner, WrappedKey Key)>> DataKeysOfSiteAsync(string site, string after, int limit, CancellationToken cancellationToken = default);
}
