using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Turns an iPhone's HEIC photo into a JPEG with Debian's heif-convert (libheif), which this build's Skia cannot
/// decode; the JPEG then goes through the image scrubber like any photo (upright, no EXIF, thumbnail). Without
/// heif-convert a HEIC photo is refused with a reason, never stored with its metadata. Its size is read first
/// (heif-info), so a small file that would decode to gigabytes is refused before anything decodes it.
/// </summary>
public sealed partial class HeicConverter(IOptions<AttachmentOptions> options, ILogger<HeicConverter> logger)
{
    private readonly SemaphoreSlim _running = new(Math.Max(2, Environment.ProcessorCount));

    public async Task<SpooledFile> ToJpegAsync(SpooledFile upload, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var converter = new MediaTool(settings.HeifConvert, settings.MediaToolTimeLimit);
        await _running.WaitAsync(cancellationToken);
        try
        {
            await RefuseIfTooLargeAsync(upload, settings, cancellationToken);
            using var workspace = ToolWorkspace.Create(settings.FullSpoolDirectory);
            // A file of several pictures (a burst) gives photo-1.jpg, photo-2.jpg…; the first is the one shown.
            var converted = await converter.RunAsync(["-q", "92", upload.FilePath, workspace.File("photo.jpg")], cancellationToken);
            if (converted is null)
            {
                LogMissing(settings.HeifConvert);
                throw new UploadRefused(StatusCodes.Status415UnsupportedMediaType, "HEIC photos cannot be processed here: send it as JPEG.");
            }
            var jpeg = new[] { "photo.jpg", "photo-1.jpg" }.Select(workspace.File).FirstOrDefault(File.Exists);
            if (!converted.Succeeded || jpeg is null)
            {
                LogUnreadable(converted.Errors);
                throw UploadRefused.Broken("The HEIC photo could not be read (cut short or damaged): send it again.");
            }
            return SpooledFile.Adopt(jpeg, settings.FullSpoolDirectory);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>
    /// The images heif-info lists (<c>image: 4032x3024 (id=1), primary</c>) against the pixel limit the image scrubber
    /// applies; without heif-info, or when it cannot read the file, heif-convert decides (libheif has limits of its own).
    /// </summary>
    private static async Task RefuseIfTooLargeAsync(SpooledFile upload, AttachmentOptions settings, CancellationToken cancellationToken)
    {
        var info = await new MediaTool(settings.HeifInfo, settings.MediaToolTimeLimit).RunListingAsync([upload.FilePath], cancellationToken);
        foreach (Match image in ImageSize().Matches(info ?? ""))
        {
            var (width, height) = (long.Parse(image.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(image.Groups[2].Value, CultureInfo.InvariantCulture));
            if (width * height > settings.MaxPixels)
            {
                throw new UploadRefused(StatusCodes.Status413PayloadTooLarge,
                    $"The image is {width}×{height} pixels; at most {settings.MaxPixels / 1_000_000} megapixels are accepted.");
            }
        }
    }

    [GeneratedRegex(@"^image: (\d{1,9})x(\d{1,9})", RegexOptions.Multiline)]
    private static partial Regex ImageSize();

    [LoggerMessage(LogLevel.Warning, "A HEIC photo was refused: heif-convert ({Program}) is not installed (apt-get install libheif-examples; Attachments:HeifConvert names another path).")]
    private partial void LogMissing(string program);

    [LoggerMessage(LogLevel.Information, "A HEIC upload was refused: heif-convert could not read it ({Errors})")]
    private partial void LogUnreadable(string errors);
}
