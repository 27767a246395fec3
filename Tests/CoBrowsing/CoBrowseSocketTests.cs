using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Telemetry;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.CoBrowsing;

/// <summary>
/// Co-browsing over the real sockets (docs/cobrowsing.md): consent first, the page to the chat's operator only, the
/// operator's guiding to the visitor, stops from either side and from the chat, its own limits, and nothing stored.
/// </summary>
public sealed class CoBrowseSocketTests(CoBrowseGatewayFixture fixture) : IClassFixture<CoBrowseGatewayFixture>
{
    private const string Secret = "4111 1111 1111 1111";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Nothing_of_the_page_moves_before_the_visitor_accepts_and_a_refusal_is_told_to_the_operator()
    {
        await using var chat = await ChatAsync();

        await chat.Visitor.SendAsync(Snapshot("<body>before consent</body>"));
        Assert.Contains("not sharing", (await ErrorAsync(chat.Visitor)).Str("message"));
        await chat.Operator.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "highlight", node = 1 });
        Assert.Equal(ErrorCodes.BadRequest, (await ErrorAsync(chat.Operator)).Str("code"));

        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "request" });
        var asked = await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "request");
        Assert.Equal(chat.Id, asked.Str("conversationId"));
        Assert.Equal("operator", asked.Str("by"));
        await chat.Visitor.SendAsync(new { type = "cobrowse", action = "decline" });

        var declined = await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "decline");
        Assert.Equal("visitor", declined.Str("by"));
        await chat.Visitor.SendAsync(Snapshot("<body>after refusal</body>"));
        await ErrorAsync(chat.Visitor);
        Assert.DoesNotContain(chat.Operator.Received, f => f.Str("type") == "cobrowse_dom");
    }

    [Fact]
    public async Task An_accepted_page_reaches_the_operator_and_their_guiding_the_visitor_and_nothing_is_stored()
    {
        await using var chat = await ChatAsync();
        await AcceptedAsync(chat);

        await chat.Visitor.SendAsync(Snapshot($"<body><p data-sb-node=\"2\">Checkout {Secret}</p></body>"));
        var page = await chat.Operator.ExpectAsync("cobrowse_dom");
        Assert.Equal(chat.Id, page.Str("conversationId"));
        Assert.Contains("Checkout", page.Str("html"));
        await chat.Visitor.SendAsync(new { type = "cobrowse_view", scrollX = 0, scrollY = 240, pointerX = 30, pointerY = 300, width = 1280, height = 720 });
        Assert.Equal(240, (await chat.Operator.ExpectAsync("cobrowse_view")).GetProperty("scrollY").GetInt32());

        await chat.Operator.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "highlight", node = 2 });
        Assert.Equal(2, (await chat.Visitor.ExpectAsync("cobrowse_guide")).GetProperty("node").GetInt32());
        await chat.Operator.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "scroll", x = 0, y = 900 });
        Assert.Equal(900, (await chat.Visitor.ExpectAsync("cobrowse_guide", f => f.Str("action") == "scroll")).GetProperty("y").GetInt32());

        // Filling needs the second consent.
        await chat.Operator.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "fill", node = 2, value = "Kazan" });
        Assert.Contains("not allowed", (await ErrorAsync(chat.Operator)).Str("message"));
        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "request_control" });
        await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "request_control");
        await chat.Visitor.SendAsync(new { type = "cobrowse", action = "allow_control" });
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "allow_control");
        await chat.Operator.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "fill", node = 2, value = "Kazan" });
        var fill = await chat.Visitor.ExpectAsync("cobrowse_guide", f => f.Str("action") == "fill");
        Assert.Equal("Kazan", fill.Str("value"));

        var events = await Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(chat.Site, chat.Id))
            .GetEvents(Actor.System(chat.Site), 0, 1000);
        Assert.All(events, e => Assert.DoesNotContain("cobrowse", e.Type));
        Assert.DoesNotContain(events, e => JsonSerializer.Serialize(e).Contains("Checkout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Either_side_stops_and_so_does_the_chat_closing()
    {
        await using var chat = await ChatAsync();

        await AcceptedAsync(chat);
        await chat.Visitor.SendAsync(new { type = "cobrowse", action = "stop" });
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "stop" && f.Str("by") == "visitor");
        await chat.Visitor.SendAsync(Snapshot("<body>after stop</body>"));
        await ErrorAsync(chat.Visitor);

        await AcceptedAsync(chat);
        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "stop" });
        await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "stop" && f.Str("by") == "operator");

        await AcceptedAsync(chat);
        await chat.Operator.SendAsync(new { type = "close", conversationId = chat.Id });
        // Each side's earlier stops were by a person; these are the chat's own.
        await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "stop" && f.Str("by") == "system");
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "stop" && f.Str("by") == "system");
        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "request" });
        Assert.Equal(ErrorCodes.BadRequest, (await ErrorAsync(chat.Operator)).Str("code")); // a closed chat is not co-browsed
    }

    [Fact]
    public async Task The_visitor_leaving_the_page_stops_it()
    {
        await using var chat = await ChatAsync();
        await AcceptedAsync(chat);

        await chat.Visitor.DisposeAsync();

        Assert.Equal("visitor", (await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "stop")).Str("by"));
    }

    [Fact]
    public async Task A_question_asked_while_the_visitor_was_between_pages_is_asked_on_their_next_page()
    {
        await using var chat = await ChatAsync();
        await chat.Visitor.DisposeAsync();

        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "request" });
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "request");
        await using var nextPage = await NextPageAsync();

        var asked = await nextPage.ExpectAsync("cobrowse", f => f.Str("action") == "request");
        Assert.Equal(chat.Id, asked.Str("conversationId"));
        Assert.Equal("operator", asked.Str("by"));
        await nextPage.SendAsync(new { type = "cobrowse", action = "accept" });
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "accept");

        // Once answered, a later page is not asked again.
        await using var third = await NextPageAsync();
        await third.SendAsync(new { type = "cobrowse", action = "decline" });
        Assert.Contains("Nothing is waiting", (await ErrorAsync(third)).Str("message"));
        Assert.DoesNotContain(third.Received, f => f.Str("type") == "cobrowse" && f.Str("action") == "request");

        // Another page of the same visitor: its widget resumes the chat, as the shop's next page does.
        async Task<TestSocket> NextPageAsync() => (await ChatPeers.VisitorAsync(Host, chat.Site, new
        {
            type = "hello", visitorToken = chat.VisitorToken, resume = new { conversationId = chat.Id, lastSeq = 0 },
        })).Socket;
    }

    [Fact]
    public async Task Closing_the_console_that_asked_keeps_the_page_in_the_operators_other_console_and_closing_that_one_stops_it()
    {
        await using var chat = await ChatAsync();
        var (second, _) = await ChatPeers.OnlineOperatorAsync(Host, chat.Site, "anna");
        await using var _ = second;
        await second.ExpectAsync("assigned", f => f.Str("conversationId") == chat.Id);
        await AcceptedAsync(chat);
        await second.ExpectAsync("cobrowse", f => f.Str("action") == "accept");
        await chat.Visitor.SendAsync(Snapshot("<body>cart</body>"));
        await second.ExpectAsync("cobrowse_dom", f => f.Str("html").Contains("cart"));

        await chat.Operator.DisposeAsync();
        await OperatorSocketsAsync(1, "the first console's socket to have ended on the gateway");
        await second.SendAsync(new { type = "cobrowse_guide", conversationId = chat.Id, action = "highlight", node = 3 });

        Assert.Equal(3, (await chat.Visitor.ExpectAsync("cobrowse_guide")).GetProperty("node").GetInt32());
        await chat.Visitor.SendAsync(Snapshot("<body>checkout</body>"));
        await second.ExpectAsync("cobrowse_dom", f => f.Str("html").Contains("checkout"));
        Assert.DoesNotContain(chat.Visitor.Received, f => f.Str("type") == "cobrowse" && f.Str("action") == "stop");
        await second.DisposeAsync();
        Assert.Equal("operator", (await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "stop")).Str("by"));
    }

    [Fact]
    public async Task Oversized_and_over_rate_frames_are_refused_with_a_clear_error_and_the_socket_stays()
    {
        await using var chat = await ChatAsync();
        await AcceptedAsync(chat);

        await chat.Visitor.SendAsync(Snapshot($"<body>{new string('x', CoBrowseGatewayFixture.FrameBytes)}</body>"));
        var tooLarge = await ErrorAsync(chat.Visitor);
        Assert.Equal(ErrorCodes.TooLarge, tooLarge.Str("code"));
        Assert.Contains($"{CoBrowseGatewayFixture.FrameBytes} bytes", tooLarge.Str("message"));
        await chat.Visitor.SendAsync(new { type = "cobrowse_dom", kind = "snapshot", part = 0, parts = CoBrowseGatewayFixture.SnapshotParts + 1, html = "<p>" });
        Assert.Contains($"{CoBrowseGatewayFixture.SnapshotParts} parts", (await ErrorAsync(chat.Visitor)).Str("message"));

        for (var i = 0; i <= CoBrowseGatewayFixture.ViewBurst; i++)
        {
            await chat.Visitor.SendAsync(new { type = "cobrowse_view", scrollX = 0, scrollY = i });
        }
        var overRate = await ErrorAsync(chat.Visitor);
        Assert.Equal(ErrorCodes.RateLimited, overRate.Str("code"));
        Assert.Contains("cobrowse_view", overRate.Str("message"));

        // The socket is still there, and so is co-browsing: a page within the limits goes through.
        await chat.Visitor.SendAsync(Snapshot("<body>small</body>"));
        Assert.Contains("small", (await chat.Operator.ExpectAsync("cobrowse_dom", f => f.Str("html").Contains("small"))).Str("html"));
        Assert.False(chat.Visitor.IsClosed);
        var views = chat.Operator.Received.Count(f => f.Str("type") == "cobrowse_view");
        Assert.True(views <= CoBrowseGatewayFixture.ViewBurst, $"{views} view frames passed a burst of {CoBrowseGatewayFixture.ViewBurst}");
    }

    /// <summary>Waits until the gateway counts <paramref name="count"/> open operator sockets (a closed one's session has ended).</summary>
    private async Task OperatorSocketsAsync(long count, string expected)
    {
        using var sockets = new MetricCollector<long>(Host.Services.GetRequiredService<IMeterFactory>(), ProductMeter.Name, "switchboard.sockets");
        await Eventually.Until(() =>
        {
            sockets.RecordObservableInstruments();
            return Task.FromResult(sockets.GetMeasurementSnapshot().LastOrDefault(m => m.Tags["audience"] as string == "operator")?.Value);
        }, open => open == count, expected);
    }

    private static object Snapshot(string html) =>
        new { type = "cobrowse_dom", kind = "snapshot", url = "https://shop.example/checkout", width = 1280, height = 720, part = 0, parts = 1, html };

    private static Task<JsonElement> ErrorAsync(TestSocket socket) => socket.ExpectAsync("error");

    private static async Task AcceptedAsync(Chat chat)
    {
        await chat.Operator.SendAsync(new { type = "cobrowse", conversationId = chat.Id, action = "request" });
        await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "request");
        await chat.Visitor.SendAsync(new { type = "cobrowse", action = "accept" });
        await chat.Operator.ExpectAsync("cobrowse", f => f.Str("action") == "accept");
        await chat.Visitor.ExpectAsync("cobrowse", f => f.Str("action") == "accept");
    }

    /// <summary>A visitor in a chat that an online operator has been given.</summary>
    private async Task<Chat> ChatAsync()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "Help me check out" });
        var id = (await visitor.ExpectAsync("ack")).Str("conversationId");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await visitor.ExpectAsync("assigned");
        return new Chat(site, id, visitor, anna) { VisitorToken = welcome.Str("visitorToken") };
    }

    private sealed record Chat(string Site, string Id, TestSocket Visitor, TestSocket Operator) : IAsyncDisposable
    {
        public required string VisitorToken { get; init; }

        public async ValueTask DisposeAsync()
        {
            await Visitor.DisposeAsync();
            await Operator.DisposeAsync();
        }
    }
}
