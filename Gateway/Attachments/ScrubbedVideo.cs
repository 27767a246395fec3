namespace Switchboard.Gateway.Attachments;

/// <summary>A video as others will get it: re-packed without its metadata, with its first frame as a thumbnail when it has pictures.</summary>
public sealed record ScrubbedVideo(SpooledFile Full, SpooledFile? Thumbnail) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Full.DisposeAsync();
        if (Thumbnail is not null)
        {
            await Thumbnail.DisposeAsync();
        }
    }
}
