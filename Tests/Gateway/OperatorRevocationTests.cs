using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// An operator's token is only as good as their account: signing out, removal, disabling and a role change revoke it
/// and close their consoles at once, and the token never travels in a URL.
/// </summary>
public sealed class OperatorRevocationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    /// <summary>The bound on how soon a revoked operator's sockets close.</summary>
    private static readonly TimeSpan ClosedWithin = TimeSpan.FromSeconds(5);

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Logging_out_closes_the_operators_sockets_and_revokes_the_token()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var token = await Host.LoginAsync(site, "anna");
        var (console, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        using var logout = await Send(HttpMethod.Post, "/api/auth/logout", token);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await console.WaitClosedAsync(ClosedWithin);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, console.Close.Status);
        Assert.Equal("signed_out", console.Close.Description);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/ws-ticket", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/api/ws-ticket", await Host.LoginAsync(site, "anna"))).StatusCode);
    }

    [Fact]
    public async Task Removing_an_account_closes_its_sockets_and_its_token_opens_nothing()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var token = await Host.LoginAsync(site, "anna");
        var (console, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        using var removed = await Send(HttpMethod.Delete, $"/api/sites/{site}/operators/anna", supervisor);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await console.WaitClosedAsync(ClosedWithin);
        Assert.Equal("account_removed", console.Close.Description);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, $"/api/sites/{site}/queues", token)).StatusCode);
        var login = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task The_last_supervisor_cannot_be_removed()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var refused = await Send(HttpMethod.Delete, $"/api/sites/{site}/operators/sup", await Host.LoginAsync(site, "sup"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once_and_cannot_sign_in_until_enabled_again()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var (console, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");

        using var disabled = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/anna", supervisor,
            new { name = "Anna", role = "operator", queues = new[] { "general" }, capacity = 4, disabled = true });
        await console.WaitClosedAsync(ClosedWithin);
        var refused = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password });
        using var enabled = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/anna", supervisor,
            new { name = "Anna", role = "operator", queues = new[] { "general" }, capacity = 4, disabled = false });
        var allowed = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password });

        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.Equal("account_disabled", console.Close.Description);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_role_change_takes_effect_at_once()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var annaToken = await Host.LoginAsync(site, "anna");
        await Host.Grains.GetGrain<Contracts.Sites.ISiteGrain>(Contracts.GrainKeys.Site(site)).UpsertOperator(
            new Contracts.Sites.OperatorAccount("boss", "Boss", "supervisor", Switchboard.Domain.Sites.PasswordHash.Create(TestSites.Password), [], 4));
        var bossToken = await Host.LoginAsync(site, "boss");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/sites/{site}/monitor", bossToken)).StatusCode);

        using var demoted = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/boss", supervisor,
            new { name = "Boss", role = "operator", queues = new[] { "general" }, capacity = 4 });

        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, $"/api/sites/{site}/monitor", bossToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, $"/api/sites/{site}/monitor", await Host.LoginAsync(site, "boss"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, $"/api/sites/{site}/queues", annaToken)).StatusCode);
    }

    [Fact]
    public async Task A_websocket_ticket_opens_one_socket_and_a_token_in_the_url_opens_none()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var token = await Host.LoginAsync(site, "anna");
        var uri = await Host.OperatorSocketUriAsync(token);

        await using var first = await TestSocket.ConnectAsync(uri);
        var replay = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(uri));
        var inUrl = await Assert.ThrowsAsync<WebSocketException>(() =>
            TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/operator?access_token={Uri.EscapeDataString(token)}")));

        await first.SendAsync(new { type = "hello" });
        await first.ExpectAsync("welcome");
        Assert.Contains("401", replay.Message);
        Assert.Contains("401", inUrl.Message);
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("ivan-the-great")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task An_account_created_over_rest_needs_a_password_that_meets_the_policy(string password)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var refused = await Send(HttpMethod.Put, $"/api/sites/{site}/operators/ivan", await Host.LoginAsync(site, "sup"),
            new { name = "Ivan", role = "operator", queues = new[] { "general" }, capacity = 4, password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await Host.Http.SendAsync(request);
    }
}
