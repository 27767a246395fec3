using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// What the product knows of a stored file, kept beside it in the blob store: whose it is, what it is, and the
/// conversation whose message took it (none yet: an orphan once it is old enough).
/// </summary>
public sealed record StoredAttachment(
    string Id,
    string Site,
    Uploader Uploader,
    string Name,
    string ContentType,
    long Size,
    bool HasThumbnail,
    DateTimeOffset UploadedAt)
{
    public string? ConversationId { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }

    public string Path => $"/api/sites/{Site}/attachments/{Id}";
    public string? ThumbnailPath => HasThumbnail ? Path + "/" + AttachmentLinks.Thumbnail : null;

    /// <summary>As a message carries it: paths on the gateway, signed per reader when the message is sent to them.</summary>
    public Attachment ToMessageAttachment() => new(Id, Name, ContentType, Size) { Url = Path, ThumbnailUrl = ThumbnailPath };
}
