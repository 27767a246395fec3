using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Silo.Storage.Encryption;

/// <summary>
/// The data keys of stored files: one per attachment (its file, thumbnail and description share it), kept in the data
/// key store apart from the files, so that deleting it makes every copy of the file unreadable — a bucket's backup or
/// a stolen directory included. File keys are wrapped by one attachments key, itself wrapped by the master key and
/// stored as a site key would be (<see cref="AttachmentsKeyOwner"/>), so the start-up check and a master key rotation
/// treat it like the sites' keys.
/// </summary>
public sealed class BlobKeys(IDataKeyStore store, MasterKeys masters)
{
    /// <summary>Among the site keys (<c>site:</c>), under a name no site can have (site ids are lowercase letters, digits and dashes).</summary>
    public const string AttachmentsKeyOwner = "site:*attachments";

    /// <summary>What a file key is wrapped by, as its stored key says.</summary>
    public const string ByAttachmentsKey = "attachments";

    private readonly SemaphoreSlim _loading = new(1);
    private byte[]? _attachmentsKey;

    public static string Owner(string group) => $"file:{group}";

    /// <summary>The group's key, made on its first write.</summary>
    public async ValueTask<byte[]> ForWritingAsync(string group, CancellationToken cancellationToken)
    {
        var wrapping = await AttachmentsKeyAsync(cancellationToken);
        var owner = Owner(group);
        var stored = await store.FindAsync(owner, cancellationToken)
            ?? await store.AddAsync(owner, new WrappedKey(ByAttachmentsKey, Aead.Seal(wrapping, Aead.NewKey(), Encoding.UTF8.GetBytes(owner))), cancellationToken);
        return Unwrap(wrapping, stored, owner);
    }

    /// <summary>The group's key, or null when it has none (deleted: the file is shredded).</summary>
    public async ValueTask<byte[]?> ForReadingAsync(string group, CancellationToken cancellationToken)
    {
        var owner = Owner(group);
        var stored = await store.FindAsync(owner, cancellationToken);
        return stored is null ? null : Unwrap(await AttachmentsKeyAsync(cancellationToken), stored, owner);
    }

    public Task ForgetAsync(string group, CancellationToken cancellationToken) => store.DeleteAsync(Owner(group), cancellationToken);

    private async ValueTask<byte[]> AttachmentsKeyAsync(CancellationToken cancellationToken)
    {
        if (_attachmentsKey is { } cached)
        {
            return cached;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_attachmentsKey is null)
            {
                var current = masters.Current;
                var stored = await store.FindAsync(AttachmentsKeyOwner, cancellationToken)
                    ?? await store.AddAsync(AttachmentsKeyOwner, new WrappedKey(current.Id, Aead.Seal(current.Key, Aead.NewKey(), Encoding.UTF8.GetBytes(AttachmentsKeyOwner))), cancellationToken);
                var master = masters.Find(stored.WrappedBy)
                    ?? throw new InvalidOperationException($"The attachments key was wrapped by master key {stored.WrappedBy}, which is not configured.");
                _attachmentsKey = Unwrap(master.Key, stored, AttachmentsKeyOwner);
            }
            return _attachmentsKey;
        }
        finally
        {
            _loading.Release();
        }
    }

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
}
