using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Grains.Storage;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// Envelope encryption of personal data: each conversation has its own data key, wrapped by its site's key, which is
/// wrapped by the master key from configuration. Destroying a conversation's key erases it; a master key rotation
/// re-wraps only the few site keys. Unwrapped keys are cached so an append costs no key lookup; a cached
/// conversation key is dropped after <see cref="CacheLifetime"/>, which bounds how long another node can still
/// read a conversation erased elsewhere.
/// </summary>
public sealed class ConversationKeys(IDataKeyStore store, MasterKeys masters, TimeProvider clock, ILogger<ConversationKeys> logger)
    : IConversationKeys
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Enough for every conversation active on a busy node; past it the cache starts again (keys are re-read).</summary>
    public const int MaxCachedKeys = 100_000;

    private readonly ConcurrentDictionary<string, byte[]> _siteKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedKey> _conversationKeys = new(StringComparer.Ordinal);

    public static string SiteOwner(string site) => $"site:{site}";

    /// <summary>
    /// The conversation's key, made on its first write. <paramref name="firstWrite"/> (the conversation's first events)
    /// goes straight to the insert, which answers the stored key if a retried first write finds one: a new chat's
    /// start waits for one key write, not a lookup as well.
    /// </summary>
    public async ValueTask<byte[]> ForWritingAsync(string conversationKey, bool firstWrite = false, CancellationToken cancellationToken = default)
    {
        if (Cached(conversationKey) is { Key: { } cached })
        {
            return cached;
        }
        var site = GrainKeys.Parse(conversationKey).Site;
        var siteKey = await SiteKeyAsync(site, cancellationToken);
        var stored = (firstWrite ? null : await store.FindAsync(conversationKey, cancellationToken))
            ?? await store.AddAsync(conversationKey, new WrappedKey(WrappedKey.BySiteKey, Wrap(siteKey, Aead.NewKey(), conversationKey)), cancellationToken);
        return Remember(conversationKey, Unwrap(siteKey, stored, conversationKey))!;
    }

    /// <summary>The conversation's key, or null when it has none: erased, or never written since encryption began.</summary>
    public async ValueTask<byte[]?> ForReadingAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        if (Cached(conversationKey) is { } cached)
        {
            return cached.Key;
        }
        var stored = await store.FindAsync(conversationKey, cancellationToken);
        if (stored is null)
        {
            Remember(conversationKey, null);
            return null;
        }
        var siteKey = await SiteKeyAsync(GrainKeys.Parse(conversationKey).Site, cancellationToken);
        return Remember(conversationKey, Unwrap(siteKey, stored, conversationKey));
    }

    public async Task PrepareAsync(string conversationKey, CancellationToken cancellationToken = default) =>
        await ForWritingAsync(conversationKey, firstWrite: true, cancellationToken);

    public async Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(conversationKey, cancellationToken);
        _conversationKeys[conversationKey] = new CachedKey(null, clock.GetTimestamp());
    }

    /// <summary>
    /// At start: every site key must be wrapped by a configured master key, or the configured key is not the one the
    /// data was written with and the node must not start; keys under a retired master are re-wrapped under the current.
    /// </summary>
    public async Task CheckMasterKeyAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (owner, wrapped) in await store.SiteKeysAsync(cancellationToken))
        {
            var master = masters.Find(wrapped.WrappedBy) ?? throw new InvalidOperationException(
                $"The stored key of '{owner}' was wrapped by master key {wrapped.WrappedBy}, which is not configured " +
                $"(configured: {string.Join(", ", masters.Ids)}). {MasterKeys.Setting} is not the key this data was written with; " +
                "set the right one, or during a rotation give the old one in Encryption__RetiredMasterKeys__0 (docs/security.md).");
            var siteKey = Unwrap(master.Key, wrapped, owner);
            if (master != masters.Current)
            {
                await store.ReplaceAsync(owner, new WrappedKey(masters.Current.Id, Wrap(masters.Current.Key, siteKey, owner)), cancellationToken);
                logger.LogInformation("Re-wrapped {Owner} from master key {Old} to {New}", owner, master.Id, masters.Current.Id);
            }
        }
    }

    private async ValueTask<byte[]> SiteKeyAsync(string site, CancellationToken cancellationToken)
    {
        if (_siteKeys.TryGetValue(site, out var cached))
        {
            return cached;
        }
        var owner = SiteOwner(site);
        var current = masters.Current;
        var stored = await store.FindAsync(owner, cancellationToken)
            ?? await store.AddAsync(owner, new WrappedKey(current.Id, Wrap(current.Key, Aead.NewKey(), owner)), cancellationToken);
        var master = masters.Find(stored.WrappedBy)
            ?? throw new InvalidOperationException($"The key of '{owner}' was wrapped by master key {stored.WrappedBy}, which is not configured.");
        return _siteKeys[site] = Unwrap(master.Key, stored, owner);
    }

    private CachedKey? Cached(string conversationKey) =>
        _conversationKeys.TryGetValue(conversationKey, out var cached) && clock.GetElapsedTime(cached.LoadedAt) < CacheLifetime ? cached : null;

    private byte[]? Remember(string conversationKey, byte[]? key)
    {
        if (_conversationKeys.Count >= MaxCachedKeys)
        {
            _conversationKeys.Clear();
        }
        _conversationKeys[conversationKey] = new CachedKey(key, clock.GetTimestamp());
        return key;
    }

    private static byte[] Wrap(byte[] wrappingKey, byte[] key, string owner) => Aead.Seal(wrappingKey, key, Encoding.UTF8.GetBytes(owner));

    private static byte[] Unwrap(byte[] wrappingKey, WrappedKey wrapped, string owner)
    {
        try
        {
            return Aead.Open(wrappingKey, wrapped.Sealed, Encoding.UTF8.GetBytes(owner));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException($"The stored key of '{owner}' does not open with its wrapping key: it was changed or moved.");
        }
    }

    private sealed record CachedKey(byte[]? Key, long LoadedAt);
}
