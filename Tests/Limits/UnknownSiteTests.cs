using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Limits;

/// <summary>
/// A made-up but well-formed site name, at every kind of entry point, is refused before any grain of that site is
/// activated: the cluster's own list of activations shows none whose key names it.
/// </summary>
public sealed class UnknownSiteTests(LimitedGatewayFixture fixture) : IClassFixture<LimitedGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_made_up_site_activates_no_grain_at_any_entry_point()
    {
        var site = "made-up-" + Guid.NewGuid().ToString("N")[..12];
        var realSite = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var otherSitesToken = await Host.LoginAsync(realSite, "sup");

        // The visitor socket.
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}")));
        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
        // Operator sign-in: the same answer as a wrong password.
        var login = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        // Messenger, e-mail and phone hooks; forms; uploads, their CORS preflight and downloads.
        foreach (var path in new[] { $"/hooks/telegram/{site}", $"/hooks/whatsapp/{site}", $"/hooks/vk/{site}", $"/hooks/email/{site}", $"/hooks/phone/{site}", $"/api/sites/{site}/forms/contact", $"/api/sites/{site}/attachments" })
        {
            using var posted = await Host.Http.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(posted.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {posted.StatusCode}");
        }
        using (var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/sites/{site}/attachments"))
        {
            preflight.Headers.Add("Origin", "https://shop.example");
            Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.SendAsync(preflight)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetAsync($"/hooks/whatsapp/{site}?hub.mode=subscribe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetAsync($"/api/sites/{site}/attachments/abc")).StatusCode);
        // REST, the call figures among it, with a token of another site and without one.
        foreach (var path in new[] { $"/api/sites/{site}/calls/figures", $"/api/sites/{site}/queues", $"/api/sites/{site}/config" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", otherSitesToken);
            Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.SendAsync(request)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Host.Http.GetAsync(path)).StatusCode);
        }

        var activated = (await Host.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Select(s => s.GrainId.Key.ToString()!)
            .ToList();
        Assert.Contains(activated, key => key.Contains(realSite, StringComparison.Ordinal));
        Assert.DoesNotContain(activated, key => key.Contains(site, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_created_just_after_its_name_was_refused_is_found_at_once()
    {
        var site = "later-" + Guid.NewGuid().ToString("N")[..12];
        await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}")));

        await Host.Grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).CreateIfAbsent(TestSites.Config(("anna", 4, ["general"])));

        var socket = await TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}"));
        await socket.DisposeAsync();
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password })).StatusCode);
    }
}
