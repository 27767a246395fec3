using SkiaSharp;

namespace Switchboard.LoadTests.Uploads;

/// <summary>A phone-like photo of about 1 MB: noise, so JPEG cannot shrink it, at a size a shopper's photo has.</summary>
public static class UploadPhoto
{
    public static byte[] About1Mb()
    {
        using var bitmap = new SKBitmap(1500, 1125);
        var random = new Random(42);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)(y * 255 / bitmap.Height)));
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>A PDF of <paramref name="bytes"/>: stored as sent, so its upload is pure streaming.</summary>
    public static byte[] Document(int bytes)
    {
        var document = new byte[bytes];
        "%PDF-1.4\n"u8.CopyTo(document);
        return document;
    }
}
