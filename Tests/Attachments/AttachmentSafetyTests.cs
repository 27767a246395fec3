using System.Net;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>
/// What a hostile or broken upload gets: a clear refusal with its status, and nothing left behind — no stored file, no
/// description, no spooled temporary file. And what a genuine photo becomes before anyone else sees it.
/// </summary>
public sealed class AttachmentSafetyTests(AttachmentGatewayFixture fixture) : IClassFixture<AttachmentGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_phone_photo_is_re_encoded_upright_without_its_exif_and_gets_a_thumbnail()
    {
        var (site, token) = await VisitorAsync();

        var uploaded = await Uploads.UploadedAsync(Host, site, token, TestFiles.PhoneJpeg(400, 200), "IMG_0042.JPG");

        Assert.Equal(("image/jpeg", "IMG_0042.JPG"), (uploaded.Str("contentType"), uploaded.Str("name")));
        Assert.Matches("^[0-9a-f]{32}$", uploaded.Str("id"));
        using var full = await Host.Http.GetAsync(uploaded.Str("url"));
        var bytes = await full.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.DoesNotContain(TestFiles.GpsMarker, Encoding.ASCII.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(bytes));
        using (var photo = SKBitmap.Decode(bytes))
        {
            // Orientation 6 applied to the pixels: the 400×200 sensor image is a 200×400 portrait.
            Assert.Equal((200, 400), (photo.Width, photo.Height));
        }
        Assert.Equal("attachment", full.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", full.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("image/jpeg", full.Content.Headers.ContentType?.MediaType);

        using var thumbnail = await Host.Http.GetAsync(uploaded.Str("thumbnailUrl"));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", thumbnail.Content.Headers.ContentDisposition?.DispositionType);
        using var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.True(small.Height <= 320 && small.Width < small.Height, $"thumbnail {small.Width}×{small.Height}");
    }

    [Fact]
    public async Task A_document_is_kept_as_sent_with_a_generated_name_and_served_as_a_download()
    {
        var (site, token) = await VisitorAsync();

        var uploaded = await Uploads.UploadedAsync(Host, site, token, TestFiles.Pdf(), "../../etc/invoice.html");

        Assert.Equal(("application/pdf", "invoice.html.pdf"), (uploaded.Str("contentType"), uploaded.Str("name")));
        Assert.Equal(JsonValueKind.Null, uploaded.GetProperty("thumbnailUrl").ValueKind);
        var onDisk = Path.Combine(fixture.DataDirectory, "attachments", "files", uploaded.Str("id"));
        Assert.True(File.Exists(onDisk));
        Assert.DoesNotContain("%PDF", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(onDisk)));
        using var download = await Host.Http.GetAsync(uploaded.Str("url"));
        Assert.Equal(TestFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("invoice.html.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Html_named_and_declared_as_a_jpeg_is_refused_by_its_content()
    {
        var (site, token) = await VisitorAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, TestFiles.HtmlPretendingToBeJpeg(), "photo.jpg");

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "not accepted", before);
    }

    [Fact]
    public async Task A_zip_archive_is_refused_unopened()
    {
        var (site, token) = await VisitorAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, TestFiles.Zip(), "bomb.zip", "application/zip");

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "not accepted", before);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_before_it_is_decoded()
    {
        var (site, token) = await VisitorAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, TestFiles.DecompressionBomb(), "tiny.jpg");

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "60000×60000", before);
    }

    [Fact]
    public async Task A_truncated_image_is_refused()
    {
        var (site, token) = await VisitorAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);

        using var response = await Uploads.PostAsync(Host, site, token, TestFiles.TruncatedJpeg(), "cut.jpg");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "truncated", before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_2_GB_upload_is_refused_without_being_read_to_its_end(bool announcesItsLength)
    {
        var (site, token) = await VisitorAsync();
        var before = Uploads.FilesLeft(fixture.DataDirectory);
        var body = new EndlessJpeg(2L * 1024 * 1024 * 1024);
        var content = new StreamContent(body);
        if (announcesItsLength)
        {
            // Refused from the headers, before a byte of the body is read.
            content.Headers.ContentLength = body.Length;
        }

        // Without a length the gateway counts while it streams. Either way it answers 413 and closes the connection;
        // a client still busy sending may see only the closed connection.
        try
        {
            using var response = await Uploads.PostAsync(Host, site, token, content, "huge.jpg");
            await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than 20 MB", before);
        }
        catch (HttpRequestException cut) when (cut.InnerException is IOException)
        {
            // The connection is closed after the refusal was written, and the spooled file was removed before that.
            Assert.Equal(before, Uploads.FilesLeft(fixture.DataDirectory));
        }
        Assert.True(body.Position < 100L * 1024 * 1024, $"the client sent {body.Position / (1024 * 1024)} MB before the refusal");
    }

    [Fact]
    public async Task Uploads_need_a_visitor_or_operator_token_of_the_site()
    {
        var (site, token) = await VisitorAsync();
        var (otherSite, _) = await VisitorAsync();

        using var none = await Uploads.PostAsync(Host, site, "not-a-token", TestFiles.Pdf(), "a.pdf");
        using var foreign = await Uploads.PostAsync(Host, otherSite, token, TestFiles.Pdf(), "a.pdf");
        using var operatorOfOther = await Uploads.PostAsync(Host, site, await Host.LoginAsync(otherSite, "anna"), TestFiles.Pdf(), "a.pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorOfOther.StatusCode);
    }

    [Fact]
    public async Task A_file_opens_only_with_its_own_unexpired_link_or_an_operator_token_of_its_site()
    {
        var (site, token) = await VisitorAsync();
        var (otherSite, _) = await VisitorAsync();
        var uploaded = await Uploads.UploadedAsync(Host, site, token, TestFiles.Pdf(), "a.pdf");
        var other = await Uploads.UploadedAsync(Host, site, token, TestFiles.Png(8, 8), "b.png");
        var bare = uploaded.Str("url").Split('?')[0];
        var otherToken = other.Str("url").Split('?')[1];

        using var unsigned = await Host.Http.GetAsync(bare);
        using var borrowed = await Host.Http.GetAsync(bare + "?" + otherToken);
        using var asOperator = await GetAsOperatorAsync(bare, await Host.LoginAsync(site, "anna"));
        using var asForeignOperator = await GetAsOperatorAsync(bare, await Host.LoginAsync(otherSite, "anna"));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, borrowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asForeignOperator.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsOperatorAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }

    private async Task<(string Site, string Token)> VisitorAsync()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (socket, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await socket.DisposeAsync();
        return (site, welcome.Str("visitorToken"));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason, IReadOnlyList<string> before)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.Str("title"));
        Assert.Equal(before, Uploads.FilesLeft(fixture.DataDirectory));
    }
}
