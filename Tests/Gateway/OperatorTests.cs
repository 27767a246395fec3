using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class OperatorTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Login_takes_the_right_password_only_and_answers_with_problem_details()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        var wrong = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = "guess" });
        var unknown = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site = "nowhere", login = "anna", password = TestSites.Password });
        var right = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site, login = "anna", password = TestSites.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var body = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("anna", "operator"), (body.GetProperty("operator").Str("id"), body.GetProperty("operator").Str("role")));
    }

    [Fact]
    public async Task The_demo_site_is_seeded_with_the_configured_password()
    {
        var anna = await Host.LoginAsync("demo", "anna", GatewayHost.DemoPassword);
        var olga = await Host.Http.PostAsJsonAsync("/api/auth/login", new { site = "demo", login = "olga", password = GatewayHost.DemoPassword });

        Assert.False(string.IsNullOrEmpty(anna));
        Assert.Equal("supervisor", (await olga.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("operator").Str("role"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task The_operator_socket_needs_a_valid_ticket(string? ticket)
    {
        var query = ticket is null ? "" : $"?ticket={ticket}";

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(Host.WebSocketUri("/ws/operator" + query)));

        Assert.Contains("401", refused.Message);
    }

    [Fact]
    public async Task Transcripts_are_for_operators_of_the_conversations_site()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var otherSite = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "<script>alert(1)</script>" });
        var conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
        var path = $"/api/sites/{site}/conversations/{conversationId}";

        var anonymous = await Host.Http.GetAsync(path);
        var own = await Get(path, await Host.LoginAsync(site, "anna"));
        var foreign = await Get(path, await Host.LoginAsync(otherSite, "anna"));
        var foreignOwnSite = await Get($"/api/sites/{otherSite}/conversations/{conversationId}", await Host.LoginAsync(otherSite, "anna"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var events = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events");
        Assert.Equal("<script>alert(1)</script>", events[1].Str("text"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignOwnSite.StatusCode);
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_cannot_write_into_another_sites_or_another_operators_conversation()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["stylist"]));
        var otherSite = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var (stranger, _) = await ChatPeers.OnlineOperatorAsync(Host, otherSite, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hi" });
        var conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));

        await boris.SendAsync(new { type = "message", conversationId, id = "b1", text = "mine now" });
        await stranger.SendAsync(new { type = "message", conversationId, id = "x1", text = "hello from elsewhere" });

        Assert.Equal("forbidden", (await boris.ExpectAsync("error")).Str("code"));
        Assert.Equal("not_found", (await stranger.ExpectAsync("error")).Str("code"));
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "How can I help?" });
        var delivered = await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        Assert.Equal("a1", delivered.Str("id"));
        Assert.DoesNotContain(visitor.Skipped, f => f.Str("type") == "message" && f.Str("from") == "operator");
        foreach (var socket in new[] { anna, boris, stranger, visitor })
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_operator_who_reconnects_gets_their_open_conversations_back()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "first" });
        var conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await anna.DisposeAsync();
        await visitor.SendAsync(new { type = "message", id = "m2", text = "while you were away" });
        await visitor.ExpectAsync("ack", f => f.Str("id") == "m2");

        var token = await Host.LoginAsync(site, "anna");
        await using var again = await TestSocket.ConnectAsync(await Host.OperatorSocketUriAsync(token));
        await again.SendAsync(new { type = "hello", resume = new Dictionary<string, long> { [conversationId] = assigned.Seq() } });
        var welcome = await again.ExpectAsync("welcome");
        var missed = await again.ExpectAsync("message");

        Assert.Equal("online", welcome.GetProperty("operator").Str("status"));
        Assert.Equal(conversationId, welcome.GetProperty("conversations")[0].Str("id"));
        Assert.Equal(("while you were away", assigned.Seq() + 1), (missed.Str("text"), missed.Seq()));
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync("/health/live")).StatusCode);
        var ready = await Host.Http.GetAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    private Task<HttpResponseMessage> Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
