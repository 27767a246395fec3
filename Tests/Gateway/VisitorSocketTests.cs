using System.Net;
using System.Net.WebSockets;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class VisitorSocketTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task The_welcome_says_how_many_operators_of_the_default_queue_are_online()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]), ("boris", 4, ["general"]));
        var (before, welcome) = await ChatPeers.VisitorAsync(Host, site);
        Assert.Equal(0, welcome.GetProperty("online").GetInt32());

        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        // The queue hears of Anna one-way, just after her status is acknowledged: a later page's hello counts her.
        var online = await Eventually.Until(async () =>
        {
            var (after, later) = await ChatPeers.VisitorAsync(Host, site);
            await after.DisposeAsync();
            return later.GetProperty("online").GetInt32();
        }, count => count != 0, "Anna counted in a later page's welcome");
        Assert.Equal(1, online);
        await before.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_and_an_operator_chat_end_to_end()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        Assert.False(string.IsNullOrEmpty(welcome.Str("visitorToken")));
        Assert.Equal(2, welcome.GetProperty("site").GetProperty("queues").GetArrayLength());

        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Do you have the coat in M?" });
        var ack = await visitor.ExpectAsync("ack");
        var conversationId = ack.Str("conversationId");
        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        Assert.Equal(conversationId, assigned.Str("conversationId"));
        Assert.Equal("Do you have the coat in M?", assigned.GetProperty("transcript")[1].Str("text"));
        var visitorSeesOperator = await visitor.ExpectAsync("assigned");
        Assert.Equal("Anna", visitorSeesOperator.GetProperty("operator").Str("name"));

        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "Yes, it is in stock." });
        var reply = await visitor.ExpectAsync("message", f => f.Str("from") == "operator");
        Assert.Equal(("Yes, it is in stock.", "Anna"), (reply.Str("text"), reply.Str("author")));

        await visitor.SendAsync(new { type = "typing", draft = "Great, I'll" });
        var draft = await anna.ExpectAsync("visitor_typing");
        Assert.Equal("Great, I'll", draft.Str("draft"));
        await visitor.SendAsync(new { type = "message", id = "v2", text = "Great, I'll take it" });
        var seen = await anna.ExpectAsync("message", f => f.Str("from") == "visitor" && f.Str("id") == "v2");
        Assert.Equal(5, seen.Seq());

        await anna.SendAsync(new { type = "close", conversationId });
        var closed = await visitor.ExpectAsync("closed");
        Assert.Equal("operator", closed.Str("by"));
        var unassigned = await anna.ExpectAsync("unassigned");
        Assert.Equal("closed", unassigned.Str("reason"));
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_socket_leaves_an_operator_ticket_in_its_address_alone()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var operatorSocket = await Host.OperatorSocketUriAsync(await Host.LoginAsync(site, "anna"));
        var ticket = System.Web.HttpUtility.ParseQueryString(operatorSocket.Query)["ticket"];

        // Visitors authenticate inside their socket; its handshake runs no operator authentication, which would spend
        // the one-time ticket (and ask a grain about it) for a socket that has no use for it.
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, $"{site}&ticket={ticket}");
        var anna = await TestSocket.ConnectAsync(operatorSocket);
        await anna.SendAsync(new { type = "hello" });
        var welcome = await anna.ExpectAsync("welcome");

        Assert.Equal("anna", welcome.GetProperty("operator").Str("id"));
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Resume_sends_exactly_the_missing_events_in_order_then_live_ones()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (first, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await first.SendAsync(new { type = "start_chat", id = "s1", text = "one" });
        var conversationId = (await first.ExpectAsync("ack")).Str("conversationId");
        // Nobody is online: the queue's honest automatic reply comes third; wait for it so the order is known.
        Assert.Equal(3, (await first.ExpectAsync("message", f => f.Str("kind") == "auto")).Seq());
        foreach (var n in new[] { "two", "three", "four" })
        {
            await first.SendAsync(new { type = "message", id = n, text = n });
            await first.ExpectAsync("ack", f => f.Str("id") == n);
        }
        await first.DisposeAsync();

        var (second, resumed) = await ChatPeers.VisitorAsync(Host, site, new
        {
            type = "hello", visitorToken = welcome.Str("visitorToken"), resume = new { conversationId, lastSeq = 4 },
        });
        Assert.Equal(6, resumed.GetProperty("conversation").GetProperty("lastSeq").GetInt64());
        var replayed = new[] { await second.NextAsync(), await second.NextAsync() };
        await second.SendAsync(new { type = "message", id = "five", text = "five" });
        var live = await second.ExpectAsync("message", f => f.Str("id") == "five");

        Assert.Equal([5L, 6L], replayed.Select(f => f.Seq()));
        Assert.Equal(["three", "four"], replayed.Select(f => f.Str("text")));
        Assert.Equal(7, live.Seq());
        Assert.DoesNotContain(second.Skipped, f => f.TryGetProperty("seq", out var s) && s.GetInt64() <= 4);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_reload_without_resume_replays_the_open_conversation_from_the_start()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (first, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await first.SendAsync(new { type = "start_chat", id = "s1", text = "hello" });
        await first.ExpectAsync("ack");
        await first.DisposeAsync();

        var (second, again) = await ChatPeers.VisitorAsync(Host, site, new { type = "hello", visitorToken = welcome.Str("visitorToken") });

        Assert.Equal(welcome.Str("visitorId"), again.Str("visitorId"));
        Assert.Equal(1, (await second.ExpectAsync("started")).Seq());
        Assert.Equal("hello", (await second.ExpectAsync("message")).Str("text"));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task A_retried_send_is_stored_once()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hello" });
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "hello" });
        var firstStart = await visitor.ExpectAsync("ack");
        var retriedStart = await visitor.ExpectAsync("ack");
        await visitor.SendAsync(new { type = "message", id = "m1", text = "Is delivery free?" });
        await visitor.SendAsync(new { type = "message", id = "m1", text = "Is delivery free?" });
        var first = await visitor.ExpectAsync("ack", f => f.Str("id") == "m1");
        var retry = await visitor.ExpectAsync("ack", f => f.Str("id") == "m1");

        Assert.Equal(firstStart.Seq(), retriedStart.Seq());
        Assert.Equal(firstStart.Str("conversationId"), retriedStart.Str("conversationId"));
        Assert.Equal(first.Seq(), retry.Seq());
        var token = await Host.LoginAsync(site, "sup");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sites/{site}/conversations/{first.Str("conversationId")}");
        request.Headers.Authorization = new("Bearer", token);
        var transcript = await (await Host.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Single(System.Text.Json.JsonDocument.Parse(transcript).RootElement.GetProperty("events").EnumerateArray(),
            e => e.TryGetProperty("id", out var id) && id.GetString() == "m1");
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task Bad_frames_get_errors_and_the_socket_carries_on()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var socket = await TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}"));

        await socket.SendAsync(new { type = "message", id = "early", text = "before hello" });
        Assert.Equal("unauthorized", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendRawAsync("{not json");
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendRawAsync("[1,2,3]");
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendBytesAsync([1, 2, 3], WebSocketMessageType.Binary);
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendRawAsync($$"""{"type":"hello","pad":"{{new string('x', 70_000)}}"}""");
        Assert.Equal("too_large", (await socket.ExpectAsync("error")).Str("code"));

        await socket.SendAsync(new { type = "hello" });
        await socket.ExpectAsync("welcome");
        await socket.SendAsync(new { type = "shout" });
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendAsync(new { type = "message", id = "m0", text = "no chat yet" });
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));
        await socket.SendAsync(new { type = "start_chat", id = "s1", text = new string('y', 4001) });
        var tooLong = await socket.ExpectAsync("error");
        Assert.Equal(("too_large", "s1"), (tooLong.Str("code"), tooLong.Str("id")));
        await socket.SendAsync(new { type = "start_chat", id = 42 });
        Assert.Equal("bad_request", (await socket.ExpectAsync("error")).Str("code"));

        await socket.SendAsync(new { type = "start_chat", id = "s2", text = "still here" });
        Assert.Equal("s2", (await socket.ExpectAsync("ack")).Str("id"));
        // A frame longer than the gateway's 4 KiB receive chunk arrives whole: 3,900 Cyrillic letters are 7,800 bytes.
        var longText = string.Concat(Enumerable.Repeat("Щука", 975));
        await socket.SendAsync(new { type = "message", id = "long", text = longText });
        Assert.Equal(longText, (await socket.ExpectAsync("message", f => f.TryGetProperty("id", out var id) && id.GetString() == "long")).Str("text"));
        Assert.False(socket.IsClosed);
        await socket.DisposeAsync();
    }

    [Fact]
    public async Task A_forged_or_foreign_token_gets_a_fresh_visitor()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var otherSite = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (elsewhere, foreignWelcome) = await ChatPeers.VisitorAsync(Host, otherSite);
        await elsewhere.DisposeAsync();

        foreach (var token in new[] { "CfDJ8forged-token", foreignWelcome.Str("visitorToken") })
        {
            var socket = await TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}"));
            await socket.SendAsync(new { type = "hello", visitorToken = token });
            Assert.Equal("unauthorized", (await socket.ExpectAsync("error")).Str("code"));
            var welcome = await socket.ExpectAsync("welcome");
            Assert.NotEqual(foreignWelcome.Str("visitorId"), welcome.Str("visitorId"));
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stranger_resuming_someone_elses_conversation_learns_nothing()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (owner, _) = await ChatPeers.VisitorAsync(Host, site);
        await owner.SendAsync(new { type = "start_chat", id = "s1", text = "my address is ..." });
        var conversationId = (await owner.ExpectAsync("ack")).Str("conversationId");

        var (stranger, welcome) = await ChatPeers.VisitorAsync(Host, site, new { type = "hello", resume = new { conversationId, lastSeq = 0 } });
        await stranger.SendAsync(new { type = "message", id = "m1", text = "hi" });

        Assert.Contains(stranger.Skipped, f => f.Str("type") == "error" && f.Str("code") == "not_found");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, welcome.GetProperty("conversation").ValueKind);
        await stranger.ExpectAsync("error", f => f.Str("code") == "bad_request" && f.Str("id") == "m1");
        Assert.DoesNotContain(stranger.Skipped, f => f.Str("type") == "message");
        await stranger.DisposeAsync();
        await owner.DisposeAsync();
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData("https://shop.example", true)]
    public async Task The_handshake_origin_must_be_one_the_site_allows(string origin, bool allowed)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        var connect = TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={site}"), origin);

        if (allowed)
        {
            await using var socket = await connect;
            await socket.SendAsync(new { type = "hello" });
            await socket.ExpectAsync("welcome");
        }
        else
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => connect);
            Assert.Contains("403", refused.Message);
        }
    }

    [Fact]
    public async Task An_unknown_site_or_a_plain_request_is_refused_before_the_handshake()
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(Host.WebSocketUri("/ws/visitor?site=nope")));
        Assert.Contains("404", refused.Message);
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.Http.GetAsync("/ws/visitor?site=nope")).StatusCode);
    }
}
