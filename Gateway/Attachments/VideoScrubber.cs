using System.Globalization;
using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Re-packs an uploaded MP4 without its metadata (a phone's location atom, device names, titles, chapters, extra data
/// tracks: only the picture and sound are copied, not re-encoded) and takes its first frame as a thumbnail, with
/// Debian's ffmpeg. Without ffmpeg the video is kept as sent, without a thumbnail, and the log says why once.
/// </summary>
public sealed partial class VideoScrubber(IOptions<AttachmentOptions> options, ILogger<VideoScrubber> logger)
{
    // Each ffmpeg is a process with its own memory: a few at a time, like the image decoder.
    private readonly SemaphoreSlim _running = new(Math.Max(2, Environment.ProcessorCount));
    private int _missingLogged;

    /// <summary>The video as others will get it, or null when ffmpeg is not installed.</summary>
    public async Task<ScrubbedVideo?> ScrubAsync(SpooledFile upload, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var ffmpeg = new MediaTool(settings.Ffmpeg, settings.MediaToolTimeLimit);
        await _running.WaitAsync(cancellationToken);
        try
        {
            using var workspace = ToolWorkspace.Create(settings.FullSpoolDirectory);
            var video = workspace.File("video.mp4");
            var repacked = await ffmpeg.RunAsync([.. ReadMp4(upload.FilePath), .. WithoutMetadata, "-c", "copy", "-movflags", "+faststart", "-f", "mp4", video], cancellationToken);
            if (repacked is null)
            {
                LogMissingOnce(settings.Ffmpeg);
                return null;
            }
            if (!repacked.Succeeded || !File.Exists(video))
            {
                LogUnreadable(repacked.Errors);
                throw UploadRefused.Broken("The video could not be read (cut short or damaged): send it again.");
            }
            var thumbnail = await ThumbnailAsync(ffmpeg, video, workspace, settings.ThumbnailSize, cancellationToken);
            var full = SpooledFile.Adopt(video, settings.FullSpoolDirectory);
            return new ScrubbedVideo(full, thumbnail is null ? null : SpooledFile.Adopt(thumbnail, settings.FullSpoolDirectory));
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>The first frame as WebP within the thumbnail box; none for a video without pictures (sound only).</summary>
    private static async Task<string?> ThumbnailAsync(MediaTool ffmpeg, string video, ToolWorkspace workspace, int box, CancellationToken cancellationToken)
    {
        var thumbnail = workspace.File("thumbnail.webp");
        var size = box.ToString(CultureInfo.InvariantCulture);
        var taken = await ffmpeg.RunAsync(
            [.. ReadMp4(video), "-map", "0:v:0", "-frames:v", "1", "-vf", $"scale={size}:{size}:force_original_aspect_ratio=decrease",
             "-map_metadata", "-1", "-c:v", "libwebp", "-f", "webp", thumbnail],
            cancellationToken);
        return taken is { Succeeded: true } && File.Exists(thumbnail) && new FileInfo(thumbnail).Length > 0 ? thumbnail : null;
    }

    /// <summary>
    /// The input read as MP4 and nothing else, from a local file only: ffmpeg's guessing would also take a playlist
    /// that names other files or URLs, which an uploaded file must never make the gateway open.
    /// </summary>
    private static string[] ReadMp4(string path) =>
        ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-protocol_whitelist", "file", "-f", "mov", "-i", path];

    private static readonly string[] WithoutMetadata = ["-map", "0:v?", "-map", "0:a?", "-map_metadata", "-1", "-map_chapters", "-1"];

    private void LogMissingOnce(string program)
    {
        if (Interlocked.Exchange(ref _missingLogged, 1) == 0)
        {
            LogFfmpegMissing(program);
        }
    }

    [LoggerMessage(LogLevel.Warning,
        "ffmpeg ({Program}) is not installed: videos are stored as sent, with their metadata and without a thumbnail, and shown as a named link. Video thumbnails and metadata removal need ffmpeg (apt-get install ffmpeg; Attachments:Ffmpeg names another path).")]
    private partial void LogFfmpegMissing(string program);

    [LoggerMessage(LogLevel.Information, "A video upload was refused: ffmpeg could not read it ({Errors})")]
    private partial void LogUnreadable(string errors);
}
