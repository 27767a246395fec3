using System.Net;
using System.Net.Http.Headers;
using Switchboard.Tests.Cluster;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>The widget and the console's page are served whole, joined from their source parts, and can be revalidated.</summary>
public sealed class JoinedFileTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_widget_is_its_source_parts_joined_in_name_order()
    {
        var response = await Host.Http.GetAsync("/widget.js");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Equal(Joined("Widget", "*.js"), script);
        Assert.StartsWith("// Switchboard chat widget", script);
    }

    [Fact]
    public async Task The_console_page_is_its_source_parts_joined_where_its_default_document_was()
    {
        var page = await Host.Http.GetAsync("/console/");
        var byName = await Host.Http.GetAsync("/console/index.html");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        var bare = await noRedirects.GetAsync("/console?x=1");

        page.EnsureSuccessStatusCode();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.Contains("Content-Security-Policy"), "the page gets the security headers of any page");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(Joined("ConsolePage", "*.html"), html);
        Assert.StartsWith("<!doctype html>", html);
        Assert.EndsWith("</html>\n", html);
        Assert.Equal(html, await byName.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/console/?x=1", bare.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/widget.js")]
    [InlineData("/console/")]
    public async Task A_browser_holding_the_current_file_is_told_it_has_not_changed(string path)
    {
        var first = await Host.Http.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Host.Http.SendAsync(again)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-copy\""));
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.SendAsync(stale)).StatusCode);
    }

    /// <summary>The source parts in a folder of the gateway's project, joined in name order.</summary>
    private static string Joined(string folder, string pattern) =>
        string.Concat(Directory.GetFiles(Path.Combine(ClusterNodes.RepoRoot, "Gateway", folder), pattern)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText));
}
