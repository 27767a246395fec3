namespace Switchboard.Silo.Storage.Blobs;

/// <summary>
/// Where an attachment's parts live in the blob store: the gateway writes them, the silos' messenger senders read the
/// file to upload it to a platform. One format for both.
/// </summary>
public static class AttachmentKeys
{
    public const string FilePrefix = "files/";
    public const string ThumbnailPrefix = "thumbs/";
    public const string MetaPrefix = "meta/";
    public const string MetaSuffix = ".json";

    public static string File(string id) => FilePrefix + id;
    public static string Thumbnail(string id) => ThumbnailPrefix + id;
    public static string Meta(string id) => MetaPrefix + id + MetaSuffix;
}
