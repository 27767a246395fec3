using Microsoft.Extensions.Options;
using Switchboard.Contracts;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// One upload from request to store: read as it streams in (size limit counted on the way), judged by its content,
/// images re-encoded without metadata and thumbnailed, stored under a generated name, described last. Whatever goes
/// wrong, nothing of it is left behind.
/// </summary>
public sealed class AttachmentUploads(
    AttachmentCatalog catalog, ImageScrubber scrubber, HeicConverter heic, VideoScrubber videos, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public Task<StoredAttachment> UploadAsync(string site, Uploader uploader, UploadForm form, CancellationToken cancellationToken) =>
        UploadAsync(GrainKeys.NewId(), site, uploader, form, cancellationToken);

    /// <summary>Under an id the caller chose (a messenger file's, fixed by its update, so a retried delivery stores it once).</summary>
    public async Task<StoredAttachment> UploadAsync(string id, string site, Uploader uploader, UploadForm form, CancellationToken cancellationToken)
    {
        var limits = options.Value.LimitsFor(site);
        var sent = FileTypes.Recognise(await form.File.HeadAsync(cancellationToken));
        if (sent is null || !limits.AllowedTypes.Contains(sent.ContentType))
        {
            throw UploadRefused.NotAllowed();
        }
        try
        {
            return sent.IsImage ? await StoreImageAsync(id, site, uploader, form, sent, cancellationToken)
                : sent == FileTypes.Mp4 ? await StoreVideoAsync(id, site, uploader, form, cancellationToken)
                : await StoreAsync(id, site, uploader, DisplayName.For(form.FileName, sent), sent, form.File, thumbnail: null, cancellationToken);
        }
        catch
        {
            // The request may be gone (cancelled): the clean-up must not be.
            await catalog.DeleteAsync(id, CancellationToken.None);
            throw;
        }
    }

    private async Task<StoredAttachment> StoreImageAsync(
        string id, string site, Uploader uploader, UploadForm form, FileType sent, CancellationToken cancellationToken)
    {
        if (sent == FileTypes.Heic)
        {
            await using var jpeg = await heic.ToJpegAsync(form.File, cancellationToken);
            await using var photo = await scrubber.ScrubAsync(jpeg, FileTypes.Jpeg, cancellationToken);
            return await StoreAsync(id, site, uploader, DisplayName.For(form.FileName, photo.Type, sent), photo.Type, photo.Full, photo.Thumbnail, cancellationToken);
        }
        await using var image = await scrubber.ScrubAsync(form.File, sent, cancellationToken);
        return await StoreAsync(id, site, uploader, DisplayName.For(form.FileName, image.Type, sent), image.Type, image.Full, image.Thumbnail, cancellationToken);
    }

    /// <summary>Without ffmpeg the video is kept as sent and shown as a named link (VideoScrubber logs why).</summary>
    private async Task<StoredAttachment> StoreVideoAsync(string id, string site, Uploader uploader, UploadForm form, CancellationToken cancellationToken)
    {
        var name = DisplayName.For(form.FileName, FileTypes.Mp4);
        await using var video = await videos.ScrubAsync(form.File, cancellationToken);
        return video is null
            ? await StoreAsync(id, site, uploader, name, FileTypes.Mp4, form.File, thumbnail: null, cancellationToken)
            : await StoreAsync(id, site, uploader, name, FileTypes.Mp4, video.Full, video.Thumbnail, cancellationToken);
    }

    private async Task<StoredAttachment> StoreAsync(
        string id, string site, Uploader uploader, string name, FileType type, SpooledFile file, SpooledFile? thumbnail,
        CancellationToken cancellationToken)
    {
        file.Content.Position = 0;
        await catalog.Blobs.WriteAsync(AttachmentCatalog.FileKey(id), file.Content, type.ContentType, cancellationToken);
        if (thumbnail is not null)
        {
            thumbnail.Content.Position = 0;
            await catalog.Blobs.WriteAsync(AttachmentCatalog.ThumbnailKey(id), thumbnail.Content, ScrubbedImage.ThumbnailType, cancellationToken);
        }
        var stored = new StoredAttachment(id, site, uploader, name, type.ContentType, file.Length, thumbnail is not null, clock.GetUtcNow());
        await catalog.SaveAsync(stored, cancellationToken);
        return stored;
    }
}
