using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// Videos and HEIC photos through the gateway's media programs: what others get carries no location, has a preview
/// made on the server, and a file the programs cannot read is refused with nothing left behind. Without ffmpeg a
/// video is still kept, as a named file, and the log says what is missing.
/// </summary>
public sealed class MediaAttachmentTests(AttachmentGatewayFixture fixture) : IClassFixture<AttachmentGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_phone_video_loses_its_location_and_gets_its_first_frame_as_a_thumbnail()
    {
        var (site, token) = await VisitorAsync(Host);
        var sent = await TestMedia.Mp4WithLocationAsync();
        Assert.Contains(TestMedia.Location, Encoding.ASCII.GetString(sent));

        var uploaded = await Uploads.UploadedAsync(Host, site, token, sent, "kettle.mp4");

        Assert.Equal(("video/mp4", "kettle.mp4"), (uploaded.Str("contentType"), uploaded.Str("name")));
        using var full = await Host.Http.GetAsync(uploaded.Str("url"));
        var kept = Encoding.ASCII.GetString(await full.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("attachment", full.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ftyp", kept[4..8]);
        Assert.DoesNotContain(TestMedia.Location, kept);
        Assert.DoesNotContain(TestMedia.TitleMarker, kept);
        Assert.Contains("moov", kept);
        using var thumbnail = await Host.Http.GetAsync(uploaded.Str("thumbnailUrl"));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        var (width, height) = TestMedia.SizeOf(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.True(width <= 320 && width * 3 == height * 4, $"thumbnail {width}×{height} of a 4:3 video");
    }

    [Fact]
    public async Task A_truncated_video_is_refused_and_leaves_nothing_behind()
    {
        var (site, token) = await VisitorAsync(Host);
        var whole = await TestMedia.Mp4WithLocationAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, whole[..(whole.Length / 2)], "cut.mp4", "video/mp4");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "video could not be read", before);
    }

    [Fact]
    public async Task A_heic_photo_becomes_a_jpeg_with_a_thumbnail()
    {
        var (site, token) = await VisitorAsync(Host);

        var uploaded = await Uploads.UploadedAsync(Host, site, token, await TestMedia.HeicAsync(400, 300), "IMG_0001.HEIC");

        Assert.Equal(("image/jpeg", "IMG_0001.jpg"), (uploaded.Str("contentType"), uploaded.Str("name")));
        using var full = await Host.Http.GetAsync(uploaded.Str("url"));
        Assert.Equal((400, 300), TestMedia.SizeOf(await full.Content.ReadAsByteArrayAsync()));
        using var thumbnail = await Host.Http.GetAsync(uploaded.Str("thumbnailUrl"));
        Assert.Equal((320, 240), TestMedia.SizeOf(await thumbnail.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_truncated_heic_photo_is_refused_and_leaves_nothing_behind()
    {
        var (site, token) = await VisitorAsync(Host);
        var whole = await TestMedia.HeicAsync(400, 300);
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, whole[..(whole.Length / 2)], "IMG_0002.HEIC", "image/heic");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "HEIC photo could not be read", before);
    }

    [Fact]
    public async Task A_heic_photo_over_the_pixel_limit_is_refused_from_its_header_before_anything_decodes_it()
    {
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string>
        {
            ["Attachments:MaxPixels"] = "100000",
            ["Attachments:SpoolDirectory"] = Path.Combine(data.Path, "spool"),
            // Were the photo decoded at all, the missing converter would answer 415: the size must be read before that.
            ["Attachments:HeifConvert"] = Path.Combine(data.Path, "no-heif-convert-here"),
        });
        var (site, token) = await VisitorAsync(host);
        var before = Uploads.FilesLeft(data.Path);

        using var response = await Uploads.PostAsync(host, site, token, await TestMedia.HeicAsync(400, 300), "IMG_0003.HEIC", "image/heic");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"Expected 413, got {(int)response.StatusCode}: {body}");
        Assert.Contains("400×300", JsonDocument.Parse(body).RootElement.Str("title"));
        Assert.Equal(before, Uploads.FilesLeft(data.Path));
    }

    [Fact]
    public async Task Without_ffmpeg_a_video_is_kept_as_sent_without_a_thumbnail_and_the_log_says_why()
    {
        using var data = new TempDirectory();
        using var logs = new CapturedLogs();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string> { ["Attachments:Ffmpeg"] = Path.Combine(data.Path, "no-ffmpeg-here") }, logs);
        var (site, token) = await VisitorAsync(host);
        var sent = await TestMedia.Mp4WithLocationAsync();

        var uploaded = await Uploads.UploadedAsync(host, site, token, sent, "kettle.mp4");

        Assert.Equal(JsonValueKind.Null, uploaded.GetProperty("thumbnailUrl").ValueKind);
        Assert.Equal(sent.Length, uploaded.GetProperty("size").GetInt64());
        using var full = await host.Http.GetAsync(uploaded.Str("url"));
        Assert.Equal(sent, await full.Content.ReadAsByteArrayAsync());
        Assert.Contains(logs.Entries, entry => entry.StartsWith("Warning", StringComparison.Ordinal) && entry.Contains("thumbnails and metadata removal need ffmpeg"));
    }

    private static async Task<(string Site, string Token)> VisitorAsync(GatewayHost host)
    {
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var (socket, welcome) = await ChatPeers.VisitorAsync(host, site);
        await socket.DisposeAsync();
        return (site, welcome.Str("visitorToken"));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason, IReadOnlyList<string> before)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.Str("title"));
        Assert.Equal(before, Uploads.FilesLeft(fixture.DataDirectory));
    }
}
