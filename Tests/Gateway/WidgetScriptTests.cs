using System.Net;
using System.Net.Http.Headers;
using Switchboard.Tests.Cluster;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>/widget.js is one script joined from the parts in Gateway/Widget, and browsers can revalidate it.</summary>
public sealed class WidgetScriptTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_widget_is_its_source_parts_joined_in_name_order()
    {
        var parts = Directory.GetFiles(Path.Combine(ClusterNodes.RepoRoot, "Gateway", "Widget"), "*.js").Order(StringComparer.Ordinal).ToList();
        Assert.True(parts.Count > 1, "the widget's source is split into parts");

        var response = await Host.Http.GetAsync("/widget.js");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(string.Concat(parts.Select(File.ReadAllText)), await response.Content.ReadAsStringAsync());
        Assert.StartsWith("// Switchboard chat widget", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_holding_the_current_widget_is_told_it_has_not_changed()
    {
        var first = await Host.Http.GetAsync("/widget.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await Host.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-widget\""));
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.SendAsync(stale)).StatusCode);
    }
}
