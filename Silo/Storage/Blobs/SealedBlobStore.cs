using System.Security.Cryptography;
using Switchboard.Silo.Storage.Encryption;

namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Encryption at rest in front of whichever store keeps the files: every blob is sealed with its attachment's own
/// data key (<see cref="BlobKeys"/>) on the way in and opened on the way out, chunk by chunk through a temporary file,
/// so a stolen bucket, directory or database dump is unreadable. Deleting an attachment's blob destroys its key too:
/// copies of the file elsewhere (backups) can no longer be opened. Blobs written before encryption (no header) are
/// read as they are.
/// </summary>
public sealed class SealedBlobStore(IBlobStore inner, BlobKeys keys) : IBlobStore, IAsyncDisposable
{
    private const int BufferSize = 81920;

    public IBlobStore Inner => inner;

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(await keys.ForWritingAsync(Group(key), cancellationToken), Aead.TagLength);
        await using var sealedCopy = new FileStream(
            Path.Combine(Path.GetTempPath(), "switchboard-sealing-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await SealedBlobFormat.SealAsync(content, sealedCopy, aes, key, cancellationToken);
        sealedCopy.Position = 0;
        await inner.WriteAsync(key, sealedCopy, contentType, cancellationToken);
    }

    /// <summary>The plaintext; null for a missing blob and for one whose key was destroyed (erased: it no longer exists).</summary>
    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await inner.OpenReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        try
        {
            var header = new byte[SealedBlobFormat.HeaderLength];
            var read = await stored.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < header.Length || !header.AsSpan(0, 4).SequenceEqual(SealedBlobFormat.Magic))
            {
                return new ReplayedStream(header[..read], stored);
            }
            if (BitConverter.ToInt32(header, 4) != SealedBlobFormat.ChunkSize)
            {
                throw new InvalidDataException($"The stored file '{key}' was sealed in chunks of another size.");
            }
            var fileKey = await keys.ForReadingAsync(Group(key), cancellationToken);
            if (fileKey is null)
            {
                await stored.DisposeAsync();
                return null;
            }
            return new SealedBlobReadStream(stored, fileKey, key);
        }
        catch
        {
            await stored.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await inner.DeleteAsync(key, cancellationToken);
        await keys.ForgetAsync(Group(key), cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>An attachment's file, thumbnail and description share one key: its id. Any other blob has its own.</summary>
    private static string Group(string key)
    {
        foreach (var prefix in (string[])[AttachmentKeys.FilePrefix, AttachmentKeys.ThumbnailPrefix, AttachmentKeys.MetaPrefix])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var id = key[prefix.Length..];
                return id.EndsWith(AttachmentKeys.MetaSuffix, StringComparison.Ordinal) ? id[..^AttachmentKeys.MetaSuffix.Length] : id;
            }
        }
        return key;
    }
}
