using System.Text.Json;
using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// The blob store's layout for attachments: <c>files/{id}</c>, <c>thumbs/{id}</c> and <c>meta/{id}.json</c>. The
/// description is written last, so a file without one is an upload that never finished.
/// </summary>
public sealed class AttachmentCatalog(IBlobStore blobs)
{
    public const string FilePrefix = AttachmentKeys.FilePrefix;
    public const string ThumbnailPrefix = AttachmentKeys.ThumbnailPrefix;
    public const string MetaPrefix = AttachmentKeys.MetaPrefix;
    private const string MetaSuffix = AttachmentKeys.MetaSuffix;

    public IBlobStore Blobs => blobs;

    public static string FileKey(string id) => AttachmentKeys.File(id);
    public static string ThumbnailKey(string id) => AttachmentKeys.Thumbnail(id);
    private static string MetaKey(string id) => AttachmentKeys.Meta(id);

    /// <summary>Ids are 32 lowercase hex digits, as the product makes them; anything else names nothing.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public async Task SaveAsync(StoredAttachment attachment, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(attachment, AttachmentJson.Default.StoredAttachment));
        await blobs.WriteAsync(MetaKey(attachment.Id), json, "application/json", cancellationToken);
    }

    public async Task<StoredAttachment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }
        await using var json = await blobs.OpenReadAsync(MetaKey(id), cancellationToken);
        return json is null ? null : await JsonSerializer.DeserializeAsync(json, AttachmentJson.Default.StoredAttachment, cancellationToken);
    }

    /// <summary>The description first: once it is gone, nothing can be sent or served, and the files go after it.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await blobs.DeleteAsync(MetaKey(id), cancellationToken);
        await blobs.DeleteAsync(ThumbnailKey(id), cancellationToken);
        await blobs.DeleteAsync(FileKey(id), cancellationToken);
    }

    public async IAsyncEnumerable<string> ListIdsAsync(
        string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in blobs.ListAsync(prefix, cancellationToken))
        {
            var id = key[prefix.Length..];
            id = id.EndsWith(MetaSuffix, StringComparison.Ordinal) ? id[..^MetaSuffix.Length] : id;
            if (IsId(id))
            {
                yield return id;
            }
        }
    }
}
