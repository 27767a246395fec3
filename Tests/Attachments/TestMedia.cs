using System.Diagnostics;
using SkiaSharp;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// Real videos and HEIC photos, made in each test by the Debian programs the gateway itself uses (ffmpeg, heif-enc from
/// libheif-examples; .ci/test installs both).
/// </summary>
public static class TestMedia
{
    /// <summary>A location as an iPhone writes it into a video (an ISO 6709 metadata key): it must never reach anyone who downloads the video.</summary>
    public const string Location = "+55.7558+037.6173/";

    public const string TitleMarker = "KITCHEN-OF-MRS-PETROVA";

    private static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(60);

    /// <summary>One second of a 160×120 test picture as H.264 in MP4, carrying a location and a title.</summary>
    public static async Task<byte[]> Mp4WithLocationAsync()
    {
        using var directory = new Infrastructure.TempDirectory();
        var video = Path.Combine(directory.Path, "kettle.mp4");
        await RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10",
            "-t", "1", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "use_metadata_tags", "-metadata", $"com.apple.quicktime.location.ISO6709={Location}", "-metadata", $"title={TitleMarker}", video]);
        return await File.ReadAllBytesAsync(video);
    }

    /// <summary>A HEIC photo, as iPhones take them, of a picture <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static async Task<byte[]> HeicAsync(int width, int height)
    {
        using var directory = new Infrastructure.TempDirectory();
        var png = Path.Combine(directory.Path, "photo.png");
        var heic = Path.Combine(directory.Path, "photo.heic");
        await File.WriteAllBytesAsync(png, TestFiles.Png(width, height));
        await RunAsync("heif-enc", ["-q", "80", "-o", heic, png]);
        return await File.ReadAllBytesAsync(heic);
    }

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height);
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(ToolLimit);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed making a test file: {await errors}");
    }
}
