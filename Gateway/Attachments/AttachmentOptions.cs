namespace Switchboard.Gateway.Attachments;

/// <summary>The <c>Attachments</c> configuration section: limits for every site, and a site's own where it has them.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest file accepted, in bytes (20 MB).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Most files one message carries.</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>
    /// Types accepted, as decided from the file's content (magic bytes), never from its name or declared type. Empty:
    /// <see cref="FileTypes.DefaultAllowed"/> (a list default would be appended to by configuration, not replaced).
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>Largest image accepted, in pixels: a small file that decodes to gigabytes (a decompression bomb) stops here.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The longer side of a thumbnail, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>How long a signed link in a message frame opens its file.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An upload no message took within this long is an orphan (a send that failed or never came) and is removed.</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the orphan sweep runs.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where uploads are held while they are checked and processed; empty: the system's temporary directory.</summary>
    public string SpoolDirectory { get; set; } = "";

    public string FullSpoolDirectory => SpoolDirectory.Length > 0 ? Directory.CreateDirectory(SpoolDirectory).FullName : Path.GetTempPath();

    /// <summary>Debian's ffmpeg, for video thumbnails and removing a video's metadata; missing: videos are kept as sent.</summary>
    public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>libheif's heif-convert (Debian <c>libheif-examples</c>), for HEIC photos; missing: HEIC is refused.</summary>
    public string HeifConvert { get; set; } = "heif-convert";

    /// <summary>libheif's heif-info, to read a HEIC photo's size before it is decoded.</summary>
    public string HeifInfo { get; set; } = "heif-info";

    /// <summary>Longest a media program may work on one file before it is stopped and the upload refused.</summary>
    public TimeSpan MediaToolTimeLimit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-site limits by site id; what a site leaves out is the default above.</summary>
    public Dictionary<string, SiteAttachmentLimits> Sites { get; set; } = new(StringComparer.Ordinal);

    public AttachmentLimits LimitsFor(string site)
    {
        var own = Sites.GetValueOrDefault(site);
        return new AttachmentLimits(
            own?.MaxBytes ?? MaxBytes,
            own?.MaxFiles ?? MaxFiles,
            (own?.AllowedTypes is { Count: > 0 } types ? types : AllowedTypes is { Count: > 0 } all ? all : FileTypes.DefaultAllowed)
                .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}
