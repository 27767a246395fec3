using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Attachments;

/// <summary>Files on messages between the widget and the console: sent by id, delivered with links each reader can open.</summary>
public sealed class AttachmentMessageTests(AttachmentGatewayFixture fixture) : IClassFixture<AttachmentGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_visitors_photos_reach_the_operator_and_an_operators_document_reaches_the_visitor()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "my kettle leaks" });
        var conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        var photo = await Uploads.UploadedAsync(Host, site, welcome.Str("visitorToken"), TestFiles.Jpeg(64, 48), "kettle.jpg");
        var screenshot = await Uploads.UploadedAsync(Host, site, welcome.Str("visitorToken"), TestFiles.Png(32, 32), "error.png");

        await visitor.SendAsync(new { type = "message", id = "m1", attachments = new[] { photo.Str("id"), screenshot.Str("id") } });

        Assert.Equal("m1", (await visitor.ExpectAsync("ack")).Str("id"));
        var received = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.TryGetProperty("attachments", out _));
        var files = received.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["kettle.jpg", "error.png"], files.Select(f => f.Str("name")));
        Assert.False(received.TryGetProperty("text", out _));
        foreach (var file in files)
        {
            Assert.Contains("?t=", file.Str("url"));
            Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync(file.Str("url"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync(file.Str("thumbnailUrl"))).StatusCode);
        }

        var annaToken = await Host.LoginAsync(site, "anna");
        var invoice = await Uploads.UploadedAsync(Host, site, annaToken, TestFiles.Pdf(), "invoice.pdf", conversationId);
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Your invoice", attachments = new[] { invoice.Str("id") } });

        var delivered = await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        var document = delivered.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal(("Your invoice", "invoice.pdf", "application/pdf"), (delivered.Str("text"), document.Str("name"), document.Str("contentType")));
        Assert.Equal(TestFiles.Pdf().Length, document.GetProperty("size").GetInt64());
        using var download = await Host.Http.GetAsync(document.Str("url"));
        Assert.Equal(TestFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        await anna.DisposeAsync();
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_cannot_send_another_visitors_upload_and_the_upload_stays_theirs()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        var (other, otherWelcome) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hi" });
        await visitor.ExpectAsync("ack");
        await other.SendAsync(new { type = "start_chat", id = "s1", text = "hello" });
        await other.ExpectAsync("ack");
        var theirs = await Uploads.UploadedAsync(Host, site, otherWelcome.Str("visitorToken"), TestFiles.Pdf(), "private.pdf");

        await visitor.SendAsync(new { type = "message", id = "m1", attachments = new[] { theirs.Str("id") } });

        var refused = await visitor.ExpectAsync("error");
        Assert.Equal("bad_request", refused.Str("code"));
        await other.SendAsync(new { type = "message", id = "m2", attachments = new[] { theirs.Str("id") } });
        Assert.Equal("m2", (await other.ExpectAsync("ack")).Str("id"));
        await visitor.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_message_refused_by_the_conversation_gives_its_files_back_to_the_orphan_sweep()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hi" });
        await visitor.ExpectAsync("ack");
        await visitor.SendAsync(new { type = "close" });
        await visitor.ExpectAsync("closed");
        var upload = await Uploads.UploadedAsync(Host, site, welcome.Str("visitorToken"), TestFiles.Pdf(), "late.pdf");

        await visitor.SendAsync(new { type = "message", id = "m1", attachments = new[] { upload.Str("id") } });

        Assert.Equal("bad_request", (await visitor.ExpectAsync("error", f => f.TryGetProperty("id", out var id) && id.GetString() == "m1")).Str("code"));
        var stored = await Host.Services.GetRequiredService<Switchboard.Gateway.Attachments.AttachmentCatalog>().FindAsync(upload.Str("id"), CancellationToken.None);
        Assert.Null(stored!.ConversationId);
        await visitor.DisposeAsync();
    }
}
