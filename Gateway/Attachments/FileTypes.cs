using System.Text;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Recognises the types the product may accept by their magic bytes. What it does not recognise (HTML, SVG, scripts,
/// archives) is unknown, whatever its name or declared type says.
/// </summary>
public static class FileTypes
{
    /// <summary>Bytes needed from the start of a file to recognise it.</summary>
    public const int HeaderLength = 16;

    public static readonly FileType Jpeg = new("image/jpeg", ".jpg", IsImage: true);
    public static readonly FileType Png = new("image/png", ".png", IsImage: true);
    public static readonly FileType Gif = new("image/gif", ".gif", IsImage: true);
    public static readonly FileType WebP = new("image/webp", ".webp", IsImage: true);
    public static readonly FileType Heic = new("image/heic", ".heic", IsImage: true);
    public static readonly FileType Mp4 = new("video/mp4", ".mp4", IsImage: false);
    public static readonly FileType Pdf = new("application/pdf", ".pdf", IsImage: false);

    public static readonly IReadOnlyList<string> DefaultAllowed =
        [Jpeg.ContentType, Png.ContentType, WebP.ContentType, Gif.ContentType, Heic.ContentType, Mp4.ContentType, Pdf.ContentType];

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    /// <summary>The type the bytes say, or null when they are nothing the product knows.</summary>
    public static FileType? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO base media: the major brand tells a HEIF still image from a video.
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return HeifBrands.Contains(brand) ? Heic : brand == "qt  " ? null : Mp4;
        }
        return null;
    }
}
