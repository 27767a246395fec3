namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Where attachment files live: a directory (standalone, or a shared volume in a cluster) or an S3-compatible bucket.
/// Keys are the product's own generated names (<c>files/…</c>, <c>meta/…</c>), never a name a user chose.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/> (read to its end) under <paramref name="key"/>, whole or not at all. The stream
    /// is seekable (the S3 store reads it twice: to sign it, then to send it).
    /// </summary>
    Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the blob; a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key that starts with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
