namespace Switchboard.Gateway.Attachments;

/// <summary>An image as others will see it: re-encoded without its metadata, with a thumbnail; both in temporary files.</summary>
public sealed record ScrubbedImage(SpooledFile Full, FileType Type, SpooledFile Thumbnail) : IAsyncDisposable
{
    public const string ThumbnailType = "image/webp";

    public async ValueTask DisposeAsync()
    {
        await Full.DisposeAsync();
        await Thumbnail.DisposeAsync();
    }
}
