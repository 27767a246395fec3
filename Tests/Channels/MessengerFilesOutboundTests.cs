using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Switchboard.LoadTests.Messengers;
using Switchboard.Tests.Attachments;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>
/// An operator's files reaching a person on a messenger through the platform's own upload: Telegram's
/// <c>sendPhoto</c>/<c>sendDocument</c>, WhatsApp's media upload and media message, VK's upload servers and
/// <c>attachment</c>. The bytes the (fake) platform receives are the stored file's; each part of a message goes once,
/// even when one of them is retried; a file the platform refuses goes as text.
/// </summary>
public sealed class MessengerFilesOutboundTests(MessengerFilesFixture fixture) : IClassFixture<MessengerFilesFixture>
{
    private static readonly TelegramUser Ivan = new(6161, "Ivan");

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Telegram_gets_the_text_then_each_file_through_its_own_method_and_a_retried_photo_goes_once()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "910:out", "tg-out-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", telegram.ChannelSettings);
        await telegram.SendTextAsync(Ivan, "Do you have a size chart?");
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (chart, photo) = await UploadBothAsync(site, conversationId);
        // The photo's first attempt fails at Telegram: the outbox tries that part again, and only that part.
        telegram.Api.AnswerNext(r => r.PathAndQuery.EndsWith("/sendPhoto", StringComparison.Ordinal), 500,
            """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Here you go", attachments = new[] { chart.Id, photo.Id } });

        Assert.Equal("sent", (await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1")).Str("status"));
        Assert.Single(telegram.Shown, m => m.Text == "Anna: Here you go");
        var uploads = telegram.Uploads;
        Assert.Equal(["/sendDocument", "/sendPhoto"], uploads.Select(u => u.PathAndQuery[u.PathAndQuery.LastIndexOf('/')..]));
        Assert.Equal(("document", "size-chart.pdf", "6161"), (uploads[0].Field, uploads[0].FileName, uploads[0].Fields["chat_id"]));
        Assert.Equal(TestFiles.Pdf(), uploads[0].Bytes);
        Assert.Equal("photo", uploads[1].Field);
        Assert.Equal(photo.Stored, uploads[1].Bytes);
    }

    [Fact]
    public async Task A_file_telegram_refuses_goes_as_text_naming_it()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "911:refuse", "tg-refuse-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", telegram.ChannelSettings);
        await telegram.SendTextAsync(Ivan, "Send me the invoice");
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (chart, _) = await UploadBothAsync(site, conversationId);
        telegram.Api.AnswerNext(r => r.PathAndQuery.EndsWith("/sendDocument", StringComparison.Ordinal), 400,
            """{"ok":false,"error_code":400,"description":"Bad Request: wrong file type"}""");

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", attachments = new[] { chart.Id } });

        Assert.Equal("sent", (await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1")).Str("status"));
        Assert.Contains(telegram.Shown, m => m.Text.Contains("size-chart.pdf", StringComparison.Ordinal) && m.Text.Contains("wrong file type", StringComparison.Ordinal));
        Assert.Empty(telegram.Uploads);
    }

    [Fact]
    public async Task A_photo_telegram_will_not_take_as_a_photo_goes_as_a_document()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var telegram = await FakeTelegram.StartAsync(Host.Http, site, "912:photo", "tg-photo-secret");
        await MessengerChats.PointAsync(Host, site, "telegram", telegram.ChannelSettings);
        await telegram.SendTextAsync(Ivan, "A photo please");
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (_, photo) = await UploadBothAsync(site, conversationId);
        telegram.Api.AnswerNext(r => r.PathAndQuery.EndsWith("/sendPhoto", StringComparison.Ordinal), 400,
            """{"ok":false,"error_code":400,"description":"Bad Request: PHOTO_INVALID_DIMENSIONS"}""");

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", attachments = new[] { photo.Id } });

        Assert.Equal("sent", (await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1")).Str("status"));
        var upload = Assert.Single(telegram.Uploads);
        Assert.Equal(("document", "model.jpg"), (upload.Field, upload.FileName));
        Assert.Equal(photo.Stored, upload.Bytes);
    }

    [Fact]
    public async Task WhatsApp_gets_each_file_uploaded_to_media_then_sent_by_its_media_id()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var whatsApp = await FakeWhatsApp.StartAsync(Host.Http, site, "wa-out-secret");
        var requests = new ConcurrentQueue<RecordedRequest>();
        whatsApp.Api.Watch(requests.Enqueue);
        await MessengerChats.PointAsync(Host, site, "whatsapp", whatsApp.ChannelSettings);
        await whatsApp.SendTextAsync("79002223344", "Olga", "Size chart please");
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (chart, photo) = await UploadBothAsync(site, conversationId);

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Here you go", attachments = new[] { chart.Id, photo.Id } });

        Assert.Equal("sent", (await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1")).Str("status"));
        var uploads = whatsApp.Uploads;
        Assert.Equal([TestFiles.Pdf(), photo.Stored], uploads.Select(u => u.Bytes));
        Assert.Equal(("whatsapp", "application/pdf", "Bearer " + FakeWhatsApp.AccessToken), (uploads[0].Fields["messaging_product"], uploads[0].Fields["type"], requests.First(r => r.PathAndQuery.EndsWith("/media", StringComparison.Ordinal)).Authorization));
        var sent = requests.Where(r => r.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var media = sent.Where(m => m.Str("type") is "document" or "image").ToList();
        Assert.Equal(["document", "image"], media.Select(m => m.Str("type")));
        Assert.Equal("size-chart.pdf", media[0].GetProperty("document").Str("filename"));
        Assert.All(media, m => Assert.StartsWith("up", m.GetProperty(m.Str("type")).Str("id")));
        Assert.Single(sent, m => m.Str("type") == "text" && m.GetProperty("text").Str("body") == "Anna: Here you go");
    }

    [Fact]
    public async Task Vk_gets_a_photo_and_a_document_uploaded_saved_and_attached_each_with_its_own_random_id()
    {
        var (site, anna) = await MessengerChats.SiteAsync(Host);
        await using var console = anna;
        await using var vk = await FakeVk.StartAsync(Host.Http, site, 5050, "vk-out-secret");
        var sends = new ConcurrentQueue<RecordedRequest>();
        vk.Api.Watch(r =>
        {
            if (r.PathAndQuery.StartsWith("/method/messages.send", StringComparison.Ordinal))
            {
                sends.Enqueue(r);
            }
        });
        await MessengerChats.PointAsync(Host, site, "vk", vk.ChannelSettings);
        await vk.SendTextAsync(888, "Size chart please");
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (chart, photo) = await UploadBothAsync(site, conversationId);

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Here you go", attachments = new[] { chart.Id, photo.Id } });

        Assert.Equal("sent", (await anna.ExpectAsync("delivery", f => f.Str("messageId") == "a1")).Str("status"));
        var withFiles = sends.Where(s => vk.Attached(s) is not null).ToList();
        Assert.Equal([TestFiles.Pdf(), photo.Stored], withFiles.Select(s => vk.Attached(s)!.Bytes));
        Assert.Equal(["file", "photo"], withFiles.Select(s => vk.Attached(s)!.Field));
        Assert.Contains(vk.Shown, m => m.Text == "Anna: Here you go");
        Assert.Equal(sends.Count, sends.Select(FakeVk.RandomId).Distinct().Count());
    }

    /// <summary>Anna uploads a PDF and a photo for the conversation; the photo's stored bytes (re-encoded) are what the platform must get.</summary>
    private async Task<((string Id, byte[] Stored) Chart, (string Id, byte[] Stored) Photo)> UploadBothAsync(string site, string conversationId)
    {
        var token = await Host.LoginAsync(site, "anna");
        var chart = await Uploads.UploadedAsync(Host, site, token, TestFiles.Pdf(), "size-chart.pdf", conversationId);
        var photo = await Uploads.UploadedAsync(Host, site, token, TestFiles.Jpeg(120, 90), "model.jpg", conversationId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/attachments/{photo.Str("id")}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var stored = await Host.Http.SendAsync(request);
        return ((chart.Str("id"), TestFiles.Pdf()), (photo.Str("id"), await stored.Content.ReadAsByteArrayAsync()));
    }
}
