namespace Switchboard.Silo.Channels;

/// <summary>
/// A file to upload to a messenger: its shown name, its type (decided by content when it was stored) and a local copy
/// (<see cref="Path"/>) that each attempt reads from the start, so a retried upload sends the same bytes.
/// </summary>
public sealed record PlatformFile(string Name, string ContentType, long Size, string Path)
{
    public bool IsImage => ContentType is "image/jpeg" or "image/png" or "image/webp";
    public bool IsVideo => ContentType == "video/mp4";

    /// <summary>The bytes for a multipart part: a fresh stream for every request.</summary>
    public StreamContent Content()
    {
        var content = new StreamContent(File.OpenRead(Path));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType);
        return content;
    }
}
