using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Decodes an uploaded image and encodes it anew: what others see is pixels only, without EXIF (GPS, camera serial),
/// comments or anything hidden after the image data. The image is turned upright first, since the orientation tag
/// goes with the rest. A size too large to decode safely, a truncated file and a broken one are refused.
/// </summary>
public sealed class ImageScrubber(IOptions<AttachmentOptions> options)
{
    private const int Quality = 85;

    // Decoded pixels take width × height × 4 bytes: a few at a time keep the gateway's memory bounded under a burst.
    private readonly SemaphoreSlim _decoding = new(Math.Max(2, Environment.ProcessorCount));

    public async Task<ScrubbedImage> ScrubAsync(SpooledFile upload, FileType type, CancellationToken cancellationToken)
    {
        await _decoding.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Scrub(upload, type), cancellationToken);
        }
        finally
        {
            _decoding.Release();
        }
    }

    private ScrubbedImage Scrub(SpooledFile upload, FileType type)
    {
        upload.Content.Position = 0;
        using var codec = SKCodec.Create(new SKManagedStream(upload.Content, disposeManagedStream: false), out var opened);
        if (codec is null)
        {
            throw type == FileTypes.Heic
                ? new UploadRefused(StatusCodes.Status415UnsupportedMediaType, "HEIC photos cannot be processed here: send it as JPEG.")
                : UploadRefused.Broken($"The image could not be read ({opened}).");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > options.Value.MaxPixels)
        {
            throw new UploadRefused(StatusCodes.Status413PayloadTooLarge,
                $"The image is {width}×{height} pixels; at most {options.Value.MaxPixels / 1_000_000} megapixels are accepted.");
        }
        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw UploadRefused.Broken(result == SKCodecResult.IncompleteInput
                ? "The image is cut short (truncated): send it again."
                : $"The image is damaged ({result}).");
        }
        var upright = ImageOrientation.Upright(decoded, codec.EncodedOrigin);
        try
        {
            var (format, output) = Output(type);
            var full = Encode(upright, format);
            var thumbnail = Encode(Thumbnail(upright), SKEncodedImageFormat.Webp);
            return new ScrubbedImage(full, output, thumbnail);
        }
        finally
        {
            if (!ReferenceEquals(upright, decoded))
            {
                upright.Dispose();
            }
        }
    }

    /// <summary>JPEG, PNG and WebP stay what they are; a GIF becomes a PNG of its first frame and a HEIC photo a JPEG.</summary>
    private static (SKEncodedImageFormat, FileType) Output(FileType type) =>
        type == FileTypes.Png || type == FileTypes.Gif ? (SKEncodedImageFormat.Png, FileTypes.Png)
        : type == FileTypes.WebP ? (SKEncodedImageFormat.Webp, FileTypes.WebP)
        : (SKEncodedImageFormat.Jpeg, FileTypes.Jpeg);

    private SKBitmap Thumbnail(SKBitmap image)
    {
        var box = options.Value.ThumbnailSize;
        var scale = Math.Min(1.0, (double)box / Math.Max(image.Width, image.Height));
        var size = new SKImageInfo(Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)), image.ColorType, image.AlphaType);
        return image.Resize(size, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    private SpooledFile Encode(SKBitmap image, SKEncodedImageFormat format)
    {
        var file = SpooledFile.Create(options.Value.FullSpoolDirectory);
        try
        {
            using (var wrapped = new SKManagedWStream(file.Content, disposeManagedStream: false))
            {
                if (!image.Encode(wrapped, format, Quality))
                {
                    throw new InvalidOperationException($"Skia could not encode {format}.");
                }
            }
            file.Content.Flush();
            file.Content.Position = 0;
            return file;
        }
        catch
        {
            file.Content.Dispose();
            throw;
        }
    }
}
