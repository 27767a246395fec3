using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Limits;
using Switchboard.Tests.Gateway;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Limits;

public sealed class SocketLimitsTests(LimitedGatewayFixture fixture) : IClassFixture<LimitedGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_page_flood_is_refused_then_closed_with_1008_while_another_visitor_chats_on()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (quiet, _) = await ChatPeers.VisitorAsync(Host, site);
        var (flooder, welcome) = await ChatPeers.VisitorAsync(Host, site);
        var longUrl = "https://shop.example/p/" + new string('x', 2000);

        // Admitted, then refused, then the one that uses up the refusals.
        for (var i = 0; i < LimitedGatewayFixture.PageBurst + LimitedGatewayFixture.RefusedBurst + 1; i++)
        {
            await flooder.SendAsync(new { type = "page", url = $"{longUrl}/{i}" });
        }
        await flooder.WaitClosedAsync(Waits.Signal);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, flooder.Close.Status);
        var errors = flooder.Received.Where(f => f.Str("type") == "error").ToList();
        Assert.Equal(LimitedGatewayFixture.RefusedBurst, errors.Count);
        Assert.All(errors, e => Assert.Equal(ErrorCodes.RateLimited, e.Str("code")));
        var visit = await Host.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, welcome.Str("visitorId"))).GetVisit();
        Assert.Equal(LimitedGatewayFixture.PagesKept, visit.Pages.Count);
        Assert.EndsWith($"/{LimitedGatewayFixture.PageBurst - 1}", visit.Pages[^1].Url);

        await quiet.SendAsync(new { type = "start_chat", id = "s1", text = "Still there?" });
        var conversationId = (await quiet.ExpectAsync("ack")).Str("conversationId");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await quiet.SendAsync(new { type = "message", id = "m1", text = "Hello" });
        await quiet.ExpectAsync("ack", f => f.Str("id") == "m1");
        await quiet.SendAsync(new { type = "typing", draft = new string('d', 100) });
        var typing = await anna.ExpectAsync("visitor_typing");
        Assert.Equal(LimitedGatewayFixture.DraftLength, typing.Str("draft").Length);
        Assert.Equal(conversationId, typing.Str("conversationId"));
        await quiet.DisposeAsync();
        await anna.DisposeAsync();
        await flooder.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_may_start_only_so_many_chats()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        for (var i = 1; i <= LimitedGatewayFixture.ChatStarts; i++)
        {
            await visitor.SendAsync(new { type = "start_chat", id = $"s{i}", text = "Hi" });
            await visitor.ExpectAsync("ack", f => f.Str("id") == $"s{i}");
            await visitor.SendAsync(new { type = "close" });
            await visitor.ExpectAsync("closed");
        }

        await visitor.SendAsync(new { type = "start_chat", id = "one-too-many", text = "Hi" });

        var refused = await visitor.ExpectAsync("error", f => f.Str("id") == "one-too-many");
        Assert.Equal(ErrorCodes.RateLimited, refused.Str("code"));
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task Every_event_of_a_conversation_reads_back_from_the_log_in_order()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);
        await visitor.SendAsync(new { type = "start_chat", id = "s1", text = "first" });
        var conversationId = (await visitor.ExpectAsync("ack")).Str("conversationId");
        for (var i = 0; i < 12; i++)
        {
            await visitor.SendAsync(new { type = "message", id = $"m{i}", text = $"message {i}" });
            await visitor.ExpectAsync("ack", f => f.Str("id") == $"m{i}");
        }

        var conversation = Host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId));
        var events = await conversation.GetEvents(Actor.System(site), 0, 1000);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(s => (long)s), events.Select(e => e.Seq));
        Assert.Equal("first", events.First(e => e.Type == EventTypes.Message).Text);
        Assert.Equal("message 11", events[^1].Text);
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task A_number_out_of_range_is_refused_as_bad_request_without_a_stack_trace_in_the_logs()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (visitor, _) = await ChatPeers.VisitorAsync(Host, site);

        // A decimal's largest value twice over: summed, it would overflow.
        await visitor.SendRawAsync("{\"type\":\"cart\",\"id\":\"c1\",\"items\":[{\"sku\":\"a\",\"qty\":2,\"price\":70000000000000000000000000000}]}");

        var refused = await visitor.ExpectAsync("error", f => f.Str("id") == "c1");
        Assert.Equal(ErrorCodes.BadRequest, refused.Str("code"));
        Assert.DoesNotContain(fixture.Logs.Entries, entry => entry.Contains("Exception", StringComparison.Ordinal) && entry.Contains(" at ", StringComparison.Ordinal));
        await visitor.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_site_names_are_refused_without_activating_a_grain_for_each()
    {
        var sites = Host.Services.GetRequiredService<SiteNames>();
        Assert.Null(await sites.FindAsync("nosuchsite"));
        var activations = await SiteGrainActivations();

        foreach (var name in new[] { "Not_A_Site", "x", new string('a', 100), "nosuchsite", "nosuchsite", "nosuchsite" })
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(Host.WebSocketUri($"/ws/visitor?site={Uri.EscapeDataString(name)}")));
            Assert.Contains("404", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(activations, await SiteGrainActivations());
    }

    [Fact]
    public async Task The_console_s_pages_allow_no_inline_style_and_connect_only_to_this_gateway()
    {
        var console = await Host.Http.GetAsync("/console/");
        var shop = await Host.Http.GetAsync("/");
        var host = Host.BaseAddress.Authority;

        var policy = string.Join(" ", console.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains($"connect-src 'self' ws://{host} wss://{host};", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join("", console.Headers.GetValues("Referrer-Policy")));
        // HSTS only over HTTPS: over plain HTTP a browser ignores it, and a developer's localhost must not be pinned.
        Assert.False(console.Headers.Contains("Strict-Transport-Security"));
        // The demo shop carries the widget, whose stylesheet sits in its shadow root.
        Assert.Contains("style-src 'self' 'unsafe-inline';", string.Join(" ", shop.Content.Headers.Contains("Content-Security-Policy")
            ? shop.Content.Headers.GetValues("Content-Security-Policy") : shop.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private async Task<int> SiteGrainActivations() =>
        (await Host.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("SiteGrain", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
}
