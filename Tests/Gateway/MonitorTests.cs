using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class MonitorTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Supervisors_get_the_live_snapshot_over_rest_and_pushed_to_their_console()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Hi!" });
        await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        await visitor.SendAsync(new { type = "close" });
        await visitor.ExpectAsync("closed");
        await visitor.SendAsync(new { type = "rate", score = 5 });
        await visitor.ExpectAsync("rated");

        var path = $"/api/sites/{site}/monitor";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(path, await Host.LoginAsync(site, "anna"))).StatusCode);
        var supervisor = await Host.LoginAsync(site, "sup");
        var snapshot = await (await Get(path, supervisor)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("anna", snapshot.GetProperty("operators")[0].Str("id"));
        Assert.Equal("online", snapshot.GetProperty("operators")[0].Str("status"));

        await using var console = await TestSocket.ConnectAsync(await Host.OperatorSocketUriAsync(supervisor));
        await console.SendAsync(new { type = "hello" });
        await console.ExpectAsync("welcome");
        var pushed = await console.ExpectAsync("monitor", f => f.GetProperty("snapshot").GetProperty("csat").ValueKind == JsonValueKind.Number);
        Assert.Equal(100, pushed.GetProperty("snapshot").GetProperty("csat").GetDouble());
        Assert.Equal(100, pushed.GetProperty("snapshot").GetProperty("serviceLevel").GetDouble());
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task The_monitor_names_the_visitor_channel_and_queue_of_each_waiting_and_active_chat_and_follows_a_transfer()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 1, ["general"]), ("boris", 1, ["stylist"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var irina = SignedIdentity.For("test-identity-secret", "c-1", DateTimeOffset.UtcNow.AddMinutes(10), name: "Irina");
        var (first, _) = await ChatPeers.VisitorAsync(Host, site, new { type = "hello", identity = irina });
        await first.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var held = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (second, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await second.SendAsync(new { type = "start_chat", id = "s2", text = "Anyone there?" });
        // Its ack names it; a long wait's offer may come before the queue's position, so the ack is what is waited for.
        var waiting = (await second.ExpectAsync("ack", f => f.Str("id") == "s2")).Str("conversationId");

        var token = await Host.LoginAsync(site, "sup");
        var snapshot = await Eventually.Until(
            async () => await (await Get($"/api/sites/{site}/monitor", token)).Content.ReadFromJsonAsync<JsonElement>(),
            read => read.GetProperty("waiting").GetArrayLength() == 1, "the second chat in the queue's waiting list");
        var active = Assert.Single(snapshot.GetProperty("active").EnumerateArray());
        Assert.Equal((held, "anna", "Irina", "web", "general"),
            (active.Str("conversationId"), active.Str("operator"), active.Str("visitorName"), active.Str("channel"), active.Str("queue")));
        var queued = Assert.Single(snapshot.GetProperty("waiting").EnumerateArray());
        Assert.Equal((waiting, welcome.Str("visitorId"), "web", "general"),
            (queued.Str("conversationId"), queued.Str("visitorId"), queued.Str("channel"), queued.Str("queue")));
        Assert.False(queued.TryGetProperty("visitorName", out var none) && none.ValueKind != JsonValueKind.Null);

        // Pushed to the console the same way, every second.
        await using var console = await TestSocket.ConnectAsync(await Host.OperatorSocketUriAsync(token));
        await console.SendAsync(new { type = "hello" });
        await console.ExpectAsync("welcome");
        var pushed = await console.ExpectAsync("monitor");
        Assert.Equal("Irina", pushed.GetProperty("snapshot").GetProperty("active")[0].Str("visitorName"));

        // Handed to another queue's operator: the row says so at once, not at the details' next minute.
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        await anna.SendAsync(new { type = "transfer", conversationId = held, toQueue = "stylist" });
        await boris.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _) && f.Str("conversationId") == held);
        var moved = (await console.ExpectAsync("monitor", f => f.GetProperty("snapshot").GetProperty("active").EnumerateArray()
            .Any(chat => chat.Str("conversationId") == held && chat.Str("operator") == "boris")))
            .GetProperty("snapshot").GetProperty("active").EnumerateArray().Single(chat => chat.Str("conversationId") == held);
        Assert.Equal(("Irina", "stylist"), (moved.Str("visitorName"), moved.Str("queue")));
        foreach (var socket in new[] { anna, boris, first, second })
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_supervisor_watches_any_chat_read_only_and_reassigns_it()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Hello" });
        var conversationId = (await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _))).Str("conversationId");
        var (boris, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "boris");
        var token = await Host.LoginAsync(site, "sup");
        await using var supervisor = await TestSocket.ConnectAsync(await Host.OperatorSocketUriAsync(token));
        await supervisor.SendAsync(new { type = "hello" });
        await supervisor.ExpectAsync("welcome");

        await boris.SendAsync(new { type = "watch", conversationId });
        Assert.Equal("forbidden", (await boris.ExpectAsync("error")).Str("code"));
        await supervisor.SendAsync(new { type = "watch", conversationId });
        Assert.Equal("anna", (await supervisor.ExpectAsync("watching")).Str("operator"));
        Assert.Equal("Hello", (await supervisor.ExpectAsync("message")).Str("text"));
        await supervisor.SendAsync(new { type = "message", conversationId, id = "x", text = "I should not be able to" });
        Assert.Equal("forbidden", (await supervisor.ExpectAsync("error", f => f.Str("id") == "x")).Str("code"));
        await visitor.SendAsync(new { type = "message", id = "v2", text = "Still there?" });
        await supervisor.ExpectAsync("message", f => f.Str("id") == "v2");

        await supervisor.SendAsync(new { type = "transfer", conversationId, toOperator = "boris" });
        await boris.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _) && f.Str("conversationId") == conversationId);
        Assert.Equal("transfer", (await anna.ExpectAsync("unassigned")).Str("reason"));
        foreach (var socket in new[] { anna, boris, visitor })
        {
            await socket.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
