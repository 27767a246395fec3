namespace Switchboard.Contracts.Conversations;

/// <summary>A file carried by a message: a photo, a video or a document, stored by the product and served at <see cref="Url"/>.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Attachment")]
public sealed record Attachment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size)
{
    /// <summary>Where the file is served from, relative to the gateway.</summary>
    [Id(4)] public string? Url { get; init; }
    /// <summary>A small preview for images and video, when one was made.</summary>
    [Id(5)] public string? ThumbnailUrl { get; init; }
}
