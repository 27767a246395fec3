using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class WorkplaceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Canned_replies_with_buttons_notes_and_tags_work_and_the_visitor_never_sees_a_note()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var canned = new
        {
            canned = new[] { new { shortcut = "/size", title = "Size", text = "Which size?", quickReplies = new[] { "S", "M" } } },
            tags = new[] { "sizing", "delivery" },
        };
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Put, $"/api/sites/{site}/canned", supervisor, canned)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Put, $"/api/sites/{site}/canned", supervisor,
            new { canned = new[] { new { shortcut = "size", title = "x", text = "y" } }, tags = Array.Empty<string>() })).StatusCode);
        var token = await Host.LoginAsync(site, "anna");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Put, $"/api/sites/{site}/operators/me/canned", token,
            new[] { new { shortcut = "/mine", title = "Mine", text = "My own words" } })).StatusCode);
        var lists = await (await Send(HttpMethod.Get, $"/api/sites/{site}/canned", token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("/size", "/mine", "sizing"), (lists.GetProperty("site")[0].Str("shortcut"), lists.GetProperty("mine")[0].Str("shortcut"), lists.GetProperty("tags")[0].GetString()));

        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Does it run small?" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Which size?", quickReplies = new[] { "S", "M" } });
        var buttons = await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        Assert.Equal(["S", "M"], buttons.GetProperty("quickReplies").EnumerateArray().Select(b => b.GetString()));
        await anna.SendAsync(new { type = "note", conversationId, id = "n1", text = "Customer complained last week" });
        var note = await anna.ExpectAsync("note");
        Assert.Equal("Customer complained last week", note.Str("text"));
        var redacted = await visitor.ExpectAsync("note");
        Assert.False(redacted.TryGetProperty("text", out _));
        Assert.False(redacted.TryGetProperty("author", out _));

        await anna.SendAsync(new { type = "close", conversationId, tags = new[] { "unknown-tag" } });
        Assert.Equal("bad_request", (await anna.ExpectAsync("error")).Str("code"));
        await anna.SendAsync(new { type = "close", conversationId, tags = new[] { "sizing" } });
        Assert.Equal(["sizing"], (await anna.ExpectAsync("closed")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False((await visitor.ExpectAsync("closed")).TryGetProperty("tags", out _));
        await visitor.SendAsync(new { type = "rate", score = 4, comment = "Helpful" });
        await visitor.ExpectAsync("rated");
        var ratings = await WaitForRatings(site, token);
        Assert.Equal((4, "Helpful"), (ratings[0].GetProperty("score").GetInt32(), ratings[0].Str("comment")));
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task The_demo_sites_customer_card_comes_from_the_demo_crm_for_the_phone_the_operator_confirms()
    {
        // The standalone demo (Demo:Enabled, no Crm:Endpoint): the demo CRM answers for the seeded demo site only.
        const string site = "demo";
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna", password: GatewayHost.DemoPassword);
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Where is my order?" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var token = await Host.LoginAsync(site, "anna", GatewayHost.DemoPassword);
        var path = $"/api/sites/{site}/conversations/{conversationId}/customer";

        var anonymous = await Send(HttpMethod.Get, path, token);
        await visitor.SendAsync(new { type = "callback", id = "cb", phone = "+7 912 000-11-22" });
        await visitor.ExpectAsync("callback");
        var unconfirmed = await Send(HttpMethod.Get, path, token);
        var card = await Send(HttpMethod.Get, path + "?confirmedPhone=" + Uri.EscapeDataString("+7 912 000-11-22"), token);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("no phone", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
        Assert.Equal(HttpStatusCode.NotFound, unconfirmed.StatusCode);
        Assert.Equal("+7 912 000-11-22", (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).Str("candidatePhone"));
        var body = await card.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("operator_confirmed_phone", body.Str("matchedBy"));
        Assert.Equal("+7 912 000-11-22", body.GetProperty("customer").Str("phone"));
        Assert.True(body.GetProperty("orders").GetArrayLength() >= 1);
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_crm_that_does_not_answer_in_time_gets_a_clear_504()
    {
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string>
        {
            ["Crm:Endpoint"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}",
            ["Crm:TimeoutSeconds"] = "0.5",
        });
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hi" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await visitor.SendAsync(new { type = "callback", id = "cb", phone = "+7 912 000-11-22" });
        await visitor.ExpectAsync("callback");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/conversations/{conversationId}/customer?confirmedPhone=%2B79120001122");
        request.Headers.Authorization = new("Bearer", await host.LoginAsync(site, "anna"));
        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("The CRM did not answer within 0.5 s.", (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("title"));
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    /// <summary>The rating reaches the operator's grain one-way after the visitor's ack: ask until it is there.</summary>
    private async Task<JsonElement> WaitForRatings(string site, string token)
    {
        using var timeout = new CancellationTokenSource(Waits.Signal);
        while (true)
        {
            var ratings = await (await Send(HttpMethod.Get, $"/api/sites/{site}/operators/me/ratings", token)).Content.ReadFromJsonAsync<JsonElement>();
            if (ratings.GetArrayLength() > 0)
            {
                return ratings;
            }
            timeout.Token.ThrowIfCancellationRequested();
        }
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
