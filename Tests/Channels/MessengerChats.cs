using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Channels;

/// <summary>What the messenger file tests share: a site with an online operator and a channel pointed at a fake, and reading files back.</summary>
public static class MessengerChats
{
    /// <summary>A site with Anna online in its default queue.</summary>
    public static async Task<(string Site, TestSocket Anna)> SiteAsync(GatewayHost host)
    {
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        return (site, anna);
    }

    /// <summary>Points the site's <paramref name="channel"/> at a fake, as its supervisor does.</summary>
    public static async Task PointAsync(GatewayHost host, string site, string channel, object settings)
    {
        var supervisor = await host.LoginAsync(site, "sup");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/channels/{channel}") { Content = JsonContent.Create(settings) };
        request.Headers.Authorization = new("Bearer", supervisor);
        using var configured = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
    }

    /// <summary>The next message from the person whose text contains <paramref name="text"/>.</summary>
    public static Task<JsonElement> MessageAsync(TestSocket anna, string text) =>
        anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.TryGetProperty("text", out var t) && t.GetString()!.Contains(text, StringComparison.Ordinal));

    public static IReadOnlyList<JsonElement> Files(JsonElement message) =>
        message.TryGetProperty("attachments", out var files) ? [.. files.EnumerateArray()] : [];

    public static async Task<byte[]> DownloadAsync(GatewayHost host, string signedUrl)
    {
        using var response = await host.Http.GetAsync(signedUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Files stored for attachments and uploads still spooling, under the fixture's data directory.</summary>
    public static int FilesKept(string dataDirectory) => Attachments.Uploads.FilesLeft(dataDirectory).Count;
}
