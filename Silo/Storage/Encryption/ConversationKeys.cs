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
/// read a conversation erased elsewhere. A site's key has generations (<see cref="RotateSiteKeyAsync"/>): new
/// conversation keys are wrapped by the newest, which every node picks up within <see cref="CacheLifetime"/>; keys
/// wrapped by an older generation still open.
/// </summary>
public sealed class ConversationKeys(IDataKeyStore store, MasterKeys masters, TimeProvider clock, ILogger<ConversationKeys> logger)
    : IConversationKeys
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Enough for every conversation active on a busy node; past it the cache starts again (keys are re-read).</summary>
    public const int MaxCachedKeys = 100_000;

    private readonly ConcurrentDictionary<string, CurrentSiteKey> _currentSiteKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _siteKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedKey> _conversationKeys = new(StringComparer.Ordinal);

    /// <summary>Where a site key is kept: generation 1 (every site's first) as <c>site:{site}</c>, later ones as <c>site:{site}#{n}</c>.</summary>
    public static string SiteOwner(string site, int generation = 1) => generation == 1 ? $"site:{site}" : $"site:{site}#{generation}";

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
        var stored = firstWrite ? null : await store.FindAsync(conversationKey, cancellationToken);
        if (stored is null)
        {
            var (generation, siteKey) = await CurrentSiteKeyAsync(site, cancellationToken);
            stored = await store.AddAsync(conversationKey, new WrappedKey(WrappedKey.BySiteKeyGeneration(generation), Wrap(siteKey, Aead.NewKey(), conversationKey)), cancellationToken);
        }
        return Remember(conversationKey, await UnwrapBySiteKeyAsync(site, stored, conversationKey, cancellationToken))!;
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
        return Remember(conversationKey, await UnwrapBySiteKeyAsync(GrainKeys.Parse(conversationKey).Site, stored, conversationKey, cancellationToken));
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

    /// <summary>
    /// The site's newest key and its generation, for sealing: read again after <see cref="CacheLifetime"/>, so a rotation
    /// on another node is followed. The first is made on the site's first write.
    /// </summary>
    public async ValueTask<(int Generation, byte[] Key)> CurrentSiteKeyAsync(string site, CancellationToken cancellationToken = default)
    {
        if (_currentSiteKeys.TryGetValue(site, out var current) && clock.GetElapsedTime(current.LoadedAt) < CacheLifetime)
        {
            return (current.Generation, current.Key);
        }
        var generation = current?.Generation ?? 1;
        var key = await SiteKeyAsync(site, generation, create: generation == 1, cancellationToken)
            ?? throw new InvalidOperationException($"The key of '{SiteOwner(site, generation)}' is missing.");
        // Rotations are rare: step up while a newer generation exists.
        while (await SiteKeyAsync(site, generation + 1, create: false, cancellationToken) is { } newer)
        {
            (generation, key) = (generation + 1, newer);
        }
        _currentSiteKeys[site] = new CurrentSiteKey(generation, key, clock.GetTimestamp());
        return (generation, key);
    }

    /// <summary>The site key of that generation, to open what it sealed; null when there is none.</summary>
    public ValueTask<byte[]?> SiteKeyAsync(string site, int generation, CancellationToken cancellationToken = default) =>
        SiteKeyAsync(site, generation, create: false, cancellationToken);

    /// <summary>
    /// A new generation of the site's key: what is sealed from now on (on every node within <see cref="CacheLifetime"/>)
    /// uses it; what older generations sealed still opens. Returns the new generation.
    /// </summary>
    public async Task<int> RotateSiteKeyAsync(string site, CancellationToken cancellationToken = default)
    {
        _currentSiteKeys.TryRemove(site, out _);
        var (generation, _) = await CurrentSiteKeyAsync(site, cancellationToken);
        var next = generation + 1;
        var owner = SiteOwner(site, next);
        var current = masters.Current;
        await store.AddAsync(owner, new WrappedKey(current.Id, Wrap(current.Key, Aead.NewKey(), owner)), cancellationToken);
        _currentSiteKeys.TryRemove(site, out _);
        logger.LogInformation("Rotated the data key of site {Site} to generation {Generation}", site, next);
        return (await CurrentSiteKeyAsync(site, cancellationToken)).Generation;
    }

    /// <summary>
    /// One page of the re-wrap after a rotation: the site's data keys (conversations, customers, visitors, calls) after
    /// <paramref name="after"/> that an older generation wraps are wrapped again by the newest, the data key itself
    /// unchanged (so nothing sealed with it changes, and caches stay right). Keys already under the newest are skipped,
    /// so a pass started again from the beginning resumes. A key erased meanwhile stays erased (the update finds no row).
    /// </summary>
    public async Task<RewrapPage> RewrapSiteDataKeysAsync(string site, string after, int pageSize, CancellationToken cancellationToken = default)
    {
        _currentSiteKeys.TryRemove(site, out _);
        var (generation, siteKey) = await CurrentSiteKeyAsync(site, cancellationToken);
        var newest = WrappedKey.BySiteKeyGeneration(generation);
        var page = await store.DataKeysOfSiteAsync(site, after, pageSize, cancellationToken);
        var rewrapped = 0;
        foreach (var (owner, wrapped) in page)
        {
            if (wrapped.WrappedBy == newest)
            {
                continue;
            }
            var key = await UnwrapBySiteKeyAsync(site, wrapped, owner, cancellationToken);
            await store.ReplaceAsync(owner, new WrappedKey(newest, Wrap(siteKey, key, owner)), cancellationToken);
            rewrapped++;
        }
        return new RewrapPage(rewrapped, page.Count < pageSize ? null : page[^1].Owner);
    }

    private async ValueTask<byte[]?> SiteKeyAsync(string site, int generation, bool create, CancellationToken cancellationToken)
    {
        var owner = SiteOwner(site, generation);
        if (_siteKeys.TryGetValue(owner, out var cached))
        {
            return cached;
        }
        var current = masters.Current;
        var stored = await store.FindAsync(owner, cancellationToken);
        if (stored is null && create)
        {
            stored = await store.AddAsync(owner, new WrappedKey(current.Id, Wrap(current.Key, Aead.NewKey(), owner)), cancellationToken);
        }
        if (stored is null)
        {
            return null;
        }
        var master = masters.Find(stored.WrappedBy)
            ?? throw new InvalidOperationException($"The key of '{owner}' was wrapped by master key {stored.WrappedBy}, which is not configured.");
        return _siteKeys[owner] = Unwrap(master.Key, stored, owner);
    }

    private async ValueTask<byte[]> UnwrapBySiteKeyAsync(string site, WrappedKey wrapped, string owner, CancellationToken cancellationToken)
    {
        var generation = WrappedKey.SiteKeyGeneration(wrapped.WrappedBy);
        var siteKey = await SiteKeyAsync(site, generation, create: generation == 1, cancellationToken)
            ?? throw new CryptographicException($"The key of '{owner}' was wrapped by generation {generation} of its site's key, which is missing.");
        return Unwrap(siteKey, wrapped, owner);
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

    private sealed record CurrentSiteKey(int Generation, byte[] Key, long LoadedAt);
}
