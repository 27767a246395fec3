using System.Text;
using Switchboard.Contracts.Exports;
using Switchboard.Domain.Webhooks;
using Switchboard.Silo.Exports;
using Switchboard.Silo.Webhooks;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Webhooks;

namespace Switchboard.Tests.Exports;

/// <summary>Where a window goes: a file that replaces itself when written again, or a signed post naming the window.</summary>
public sealed class ExportWriterTests
{
    private static readonly ExportWindow Window = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_window_written_again_after_a_crash_replaces_its_file_and_leaves_nothing_partial()
    {
        using var directory = new TempDirectory();
        var writer = new ExportWriter(directory.Path, new HttpClient());
        var settings = new ExportSettings { Enabled = true };

        await writer.WriteAsync("shop", settings, Window, Encoding.UTF8.GetBytes("{\"kind\":\"event\"}\n"), CancellationToken.None);
        await writer.WriteAsync("shop", settings, Window, Encoding.UTF8.GetBytes("{\"kind\":\"event\"}\n"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(directory.Path, "shop")));
        Assert.Equal("shop-20261123T0930Z.ndjson", Path.GetFileName(file));
        Assert.Single(File.ReadAllLines(file));
    }

    [Fact]
    public async Task An_http_export_posts_the_window_signed_and_named_and_a_refusal_fails_the_write()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var writer = new ExportWriter("unused", GuardedHttp.Create(new WebhookOptions { AllowPrivateNetworks = true }));
        var settings = new ExportSettings { Enabled = true, Target = ExportTargets.Http, Url = receiver.Url.ToString(), Secret = "export-secret-sixteen" };
        var ndjson = Encoding.UTF8.GetBytes("{\"kind\":\"event\"}\n");

        await writer.WriteAsync("shop", settings, Window, ndjson, CancellationToken.None);
        var post = await receiver.Next("the export");

        Assert.Equal(ndjson, post.Body);
        Assert.Equal("shop-20261123T0930Z", post.Headers[ExportWriter.WindowHeader]);
        Assert.True(WebhookSignature.Verify("export-secret-sixteen", post.Body, post.Headers[WebhookSignature.Header]));
        var refused = new ExportWriter("unused", GuardedHttp.Create(new WebhookOptions { AllowPrivateNetworks = false }));
        await Assert.ThrowsAsync<HttpRequestException>(() => refused.WriteAsync("shop", settings, Window, ndjson, CancellationToken.None));
    }
}
