using System.Text;
using SkiaSharp;

namespace Switchboard.Tests.Attachments;

/// <summary>Files as shoppers' phones and attackers make them, built in memory for each test.</summary>
public static class TestFiles
{
    /// <summary>Text placed in a photo's EXIF: it must never reach anyone who downloads the photo.</summary>
    public const string GpsMarker = "GPS 55.7558N 37.6173E";

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>
    /// A phone photo: a JPEG whose EXIF says "turn a quarter clockwise" (orientation 6) and carries location text after
    /// its directory, where EXIF readers keep GPS data.
    /// </summary>
    public static byte[] PhoneJpeg(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray());            // big-endian TIFF
        tiff.AddRange([0, 0, 0, 8]);                    // first directory right after the header
        tiff.AddRange([0, 1]);                          // one entry:
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation, SHORT, 1 value: 6
        tiff.AddRange([0, 0, 0, 0]);                    // no next directory
        tiff.AddRange(Encoding.ASCII.GetBytes(GpsMarker));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg[..2].Concat(app1).Concat(jpeg[2..]).ToArray();
    }

    /// <summary>A small JPEG whose header claims 60000×60000 pixels: 14 GB once decoded.</summary>
    public static byte[] DecompressionBomb()
    {
        var jpeg = Jpeg(16, 16);
        for (var i = 2; i < jpeg.Length - 8; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                // SOF: FF C0, length (2), precision (1), height (2), width (2).
                jpeg[i + 5] = 0xEA; jpeg[i + 6] = 0x60;
                jpeg[i + 7] = 0xEA; jpeg[i + 8] = 0x60;
                return jpeg;
            }
        }
        throw new InvalidOperationException("No SOF marker in the encoded JPEG.");
    }

    /// <summary>A JPEG cut off in the middle of its picture data, as an interrupted transfer leaves it.</summary>
    public static byte[] TruncatedJpeg() => Jpeg(640, 480) is var whole ? whole[..(whole.Length / 2)] : [];

    /// <summary>A page with a script, named and declared as a photo.</summary>
    public static byte[] HtmlPretendingToBeJpeg() => "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"u8.ToArray();

    /// <summary>A zip archive (local file header), the usual wrapper of a zip bomb.</summary>
    public static byte[] Zip() => [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, .. new byte[64]];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Noise, so the encoder cannot shrink the picture data to nothing (a truncated file is then really cut short).
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x * 255 / width), (byte)(y * 255 / height)));
            }
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
