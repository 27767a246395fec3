using System.Text;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Attachments;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// Photos, videos and documents people send through Telegram, WhatsApp and VK: fetched from each (fake) platform the
/// way its API hands them out, put through the widget's pipeline (type by content, EXIF stripped, thumbnails), and
/// shown to the operator with their caption; refused or unreachable files leave the text and a note, and nothing stored.
/// </summary>
public sealed class MessengerFilesInboundTests(MessengerFilesFixture fixture) : IClassFixture<MessengerFilesFixture>
{
    private static readonly TelegramUser Ivan = new(5151, "Ivan");

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_telegram_photo_arrives_scrubbed_with_its_caption_and_a_document_arrives_byte_for_byte()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "900:files", "tg-files-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", telegram.ChannelSettings);
        await telegram.SendTextAsync(Ivan, "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await telegram.SendFileAsync(Ivan, "photo", TestFiles.PhoneJpeg(64, 48), "It arrived broken");
        var photoMessage = await MessengerChats.MessageAsync(anna, "It arrived broken");
        await telegram.SendFileAsync(Ivan, "document", TestFiles.Pdf(), "my receipt", "receipt.pdf");
        var documentMessage = await MessengerChats.MessageAsync(anna, "my receipt");

        var photo = Assert.Single(MessengerChats.Files(photoMessage));
        Assert.Equal(("photo.jpg", "image/jpeg"), (photo.Str("name"), photo.Str("contentType")));
        var stored = await MessengerChats.DownloadAsync(Host, photo.Str("url"));
        Assert.Equal([0xFF, 0xD8], stored[..2]);
        Assert.DoesNotContain(TestFiles.GpsMarker, Encoding.ASCII.GetString(stored));
        Assert.NotEmpty(await MessengerChats.DownloadAsync(Host, photo.Str("thumbnailUrl")));
        var document = Assert.Single(MessengerChats.Files(documentMessage));
        Assert.Equal(("receipt.pdf", "application/pdf"), (document.Str("name"), document.Str("contentType")));
        Assert.Equal(TestFiles.Pdf(), await MessengerChats.DownloadAsync(Host, document.Str("url")));
    }

    [Fact]
    public async Task A_whatsapp_document_and_image_are_fetched_by_media_id_with_the_access_token()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var forSite = await FakeWhatsApp.StartAsync(Host.Http, site, "wa-files-secret");
        await MessengerChats.PointAsync(Host, site, "whatsapp", forSite.ChannelSettings);

        await forSite.SendTextAsync("79001112233", "Olga", "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await forSite.SendMediaAsync("79001112233", "Olga", "document", TestFiles.Pdf(), "application/pdf", "the invoice", "invoice.pdf");
        var documentMessage = await MessengerChats.MessageAsync(anna, "the invoice");
        await forSite.SendMediaAsync("79001112233", "Olga", "image", TestFiles.Png(40, 30), "image/png", "the label");
        var imageMessage = await MessengerChats.MessageAsync(anna, "the label");

        var document = Assert.Single(MessengerChats.Files(documentMessage));
        Assert.Equal("invoice.pdf", document.Str("name"));
        Assert.Equal(TestFiles.Pdf(), await MessengerChats.DownloadAsync(Host, document.Str("url")));
        var image = Assert.Single(MessengerChats.Files(imageMessage));
        Assert.Equal(("photo.png", "image/png"), (image.Str("name"), image.Str("contentType")));
        Assert.True(image.TryGetProperty("thumbnailUrl", out _));
    }

    [Fact]
    public async Task A_vk_photo_and_document_come_from_their_attachment_urls()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var forSite = await FakeVk.StartAsync(Host.Http, site, 4040, "vk-files-secret");
        await MessengerChats.PointAsync(Host, site, "vk", forSite.ChannelSettings);

        await forSite.SendTextAsync(777, "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await forSite.SendFileAsync(777, "doc", TestFiles.Pdf(), "my order", "order.pdf");
        var documentMessage = await MessengerChats.MessageAsync(anna, "my order");
        await forSite.SendFileAsync(777, "photo", TestFiles.Jpeg(80, 60), "the box");
        var photoMessage = await MessengerChats.MessageAsync(anna, "the box");

        var document = Assert.Single(MessengerChats.Files(documentMessage));
        Assert.Equal("order.pdf", document.Str("name"));
        Assert.Equal(TestFiles.Pdf(), await MessengerChats.DownloadAsync(Host, document.Str("url")));
        var photo = Assert.Single(MessengerChats.Files(photoMessage));
        Assert.Equal("image/jpeg", photo.Str("contentType"));
        Assert.True(photo.GetProperty("size").GetInt64() > 64, "the largest size was fetched, not the 75 px one");
    }

    [Fact]
    public async Task A_vk_video_is_fetched_through_video_get_in_its_largest_rendition_with_a_thumbnail()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var forSite = await FakeVk.StartAsync(Host.Http, site, 4041, "vk-video-secret");
        await MessengerChats.PointAsync(Host, site, "vk", forSite.ChannelSettings);
        await forSite.SendTextAsync(778, "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var sent = await TestMedia.Mp4WithLocationAsync();

        await forSite.SendFileAsync(778, "video", sent, "the kettle leaks", "kettle");
        var videoMessage = await MessengerChats.MessageAsync(anna, "the kettle leaks");

        var video = Assert.Single(MessengerChats.Files(videoMessage));
        Assert.Equal(("kettle.mp4", "video/mp4"), (video.Str("name"), video.Str("contentType")));
        var stored = await MessengerChats.DownloadAsync(Host, video.Str("url"));
        Assert.True(stored.Length > 64, "the 720p rendition was fetched, not the 240p one");
        Assert.DoesNotContain(TestMedia.Location, Encoding.ASCII.GetString(stored));
        Assert.NotEmpty(await MessengerChats.DownloadAsync(Host, video.Str("thumbnailUrl")));
    }

    [Fact]
    public async Task Refused_files_keep_the_text_with_a_note_and_leave_nothing_behind()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var forSite = await FakeTelegram.StartAsync(Host.Http, site, "901:refused", "tg-refused-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", forSite.ChannelSettings);
        await forSite.SendTextAsync(Ivan, "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var keptBefore = MessengerChats.FilesKept(fixture.DataDirectory);
        var tooLarge = "%PDF-1.4\n"u8.ToArray().Concat(new byte[MessengerFilesFixture.MaxBytes + 1]).ToArray();

        await forSite.SendFileAsync(Ivan, "photo", TestFiles.HtmlPretendingToBeJpeg(), "html as a photo");
        var html = await MessengerChats.MessageAsync(anna, "html as a photo");
        await forSite.SendFileAsync(Ivan, "photo", TestFiles.TruncatedJpeg(), "cut short");
        var truncated = await MessengerChats.MessageAsync(anna, "cut short");
        await forSite.SendFileAsync(Ivan, "video", TestFiles.Pdf(), "two gigabytes", "kettle.mp4", statedSize: 2L * 1024 * 1024 * 1024);
        var stated = await MessengerChats.MessageAsync(anna, "two gigabytes");
        var downloadsBeforeLie = forSite.Downloads;
        await forSite.SendFileAsync(Ivan, "document", tooLarge, "size understated", "big.pdf", statedSize: 1000);
        var understated = await MessengerChats.MessageAsync(anna, "size understated");

        Assert.Contains("[photo not accepted: This kind of file is not accepted", html.Str("text"));
        Assert.Contains("[photo not accepted: The image is cut short", truncated.Str("text"));
        Assert.Contains("[video not accepted: The file is larger than 1 MB.]", stated.Str("text"));
        Assert.Contains("[document not accepted: The file is larger than 1 MB.]", understated.Str("text"));
        Assert.All(new[] { html, truncated, stated, understated }, m => Assert.Empty(MessengerChats.Files(m)));
        // The HTML and the truncated photo were fetched; the stated 2 GB never was; the understated file was refused at its length.
        Assert.Equal(2, downloadsBeforeLie);
        Assert.Equal(3, forSite.Downloads);
        Assert.Equal(keptBefore, MessengerChats.FilesKept(fixture.DataDirectory));
    }

    [Fact]
    public async Task A_failed_download_is_tried_again_and_one_that_keeps_failing_still_delivers_the_text()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var forSite = await FakeTelegram.StartAsync(Host.Http, site, "902:flaky", "tg-flaky-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", forSite.ChannelSettings);
        await forSite.SendTextAsync(Ivan, "hello");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        static bool GetFile(RecordedRequest r) => r.PathAndQuery.Contains("/getFile?", StringComparison.Ordinal);
        const string Down = """{"ok":false,"error_code":502,"description":"Bad Gateway"}""";

        forSite.Api.AnswerNext(GetFile, 502, Down);
        await forSite.SendFileAsync(Ivan, "document", TestFiles.Pdf(), "second try", "a.pdf");
        var retried = await MessengerChats.MessageAsync(anna, "second try");
        for (var i = 0; i < Switchboard.Gateway.Channels.Media.MessengerFiles.MaxAttempts; i++)
        {
            forSite.Api.AnswerNext(GetFile, 502, Down);
        }
        await forSite.SendFileAsync(Ivan, "document", TestFiles.Pdf(), "never fetched", "b.pdf");
        var lost = await MessengerChats.MessageAsync(anna, "never fetched");

        Assert.Equal("a.pdf", Assert.Single(MessengerChats.Files(retried)).Str("name"));
        Assert.Empty(MessengerChats.Files(lost));
        Assert.Contains("[document could not be fetched from telegram", lost.Str("text"));
    }
}
