using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Visitors;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

public sealed class EngagementTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task An_operator_sees_who_is_online_invites_them_and_the_accepted_invitation_becomes_their_chat()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(Host, site, "anna");
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);
        var visitorId = welcome.Str("visitorId");
        Assert.True(welcome.GetProperty("widget").GetBoolean());
        await visitor.SendAsync(new { type = "page", url = "https://shop.example/product/coat?utm_source=ads", title = "Wool <b>coat</b>" });
        await visitor.SendAsync(new { type = "cart", items = new[] { new { sku = "c1", name = "Wool coat", qty = 1, price = 12990 } }, total = 12990, currency = "RUB" });
        await visitor.SendAsync(new { type = "message", id = "probe", text = "no chat yet" });
        await visitor.ExpectAsync("error", f => f.Str("id") == "probe");

        var board = Host.Services.GetRequiredService<VisitorPresenceBoard>();
        var (_, total, online) = board.Summaries(10).Single(s => s.Site == site);
        var me = online.Single();
        Assert.Equal((1, visitorId, "Wool <b>coat</b>", 1, 12990m, "ads"), (total, me.Id, me.PageTitle, me.Pages, me.Cart!.Total, me.Source!.UtmSource));
        await Host.Grains.GetGrain<ISiteVisitorsGrain>(GrainKeys.Site(site)).Report("test-node", total, online);
        var token = await Host.LoginAsync(site, "anna");
        var list = await Get<JsonElement>($"/api/sites/{site}/visitors", token);
        Assert.Equal(visitorId, list.GetProperty("visitors")[0].Str("id"));

        var invite = await Post($"/api/sites/{site}/visitors/{visitorId}/invite", token, new { text = "Hello! Anna here, can I help?" });
        Assert.Equal(HttpStatusCode.Accepted, invite.StatusCode);
        var offer = await visitor.ExpectAsync("invite");
        Assert.Equal(("manual", "Hello! Anna here, can I help?"), (offer.Str("rule"), offer.Str("text")));
        await visitor.SendAsync(new { type = "invite_reply", inviteId = offer.Str("inviteId"), accepted = true });
        var ack = await visitor.ExpectAsync("ack", f => f.Str("id") == offer.Str("inviteId"));
        var greeting = await visitor.ExpectAsync("message", f => f.Str("kind") == "invite");
        Assert.Equal("Hello! Anna here, can I help?", greeting.Str("text"));

        var assigned = await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        Assert.Equal(ack.Str("conversationId"), assigned.Str("conversationId"));
        var visit = assigned.GetProperty("visitor");
        Assert.Equal("Wool <b>coat</b>", visit.GetProperty("pages")[0].Str("title"));
        Assert.Equal("Wool coat", visit.GetProperty("cart").GetProperty("items")[0].Str("name"));
        await visitor.SendAsync(new { type = "page", url = "https://shop.example/cart", title = "Cart" });
        var update = await anna.ExpectAsync("visitor_update");
        Assert.Equal("https://shop.example/cart", update.GetProperty("page").Str("url"));
        Assert.Equal(HttpStatusCode.NotFound, (await Post($"/api/sites/{site}/visitors/{GrainKeys.NewId()}/invite", token, new { text = "hi" })).StatusCode);
        await visitor.DisposeAsync();
        await anna.DisposeAsync();
    }

    [Fact]
    public async Task Outside_the_rollout_share_the_widget_is_told_to_stay_hidden()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");
        var body = new { rules = Array.Empty<object>(), widgetSharePercent = 0 };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/invitations") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", supervisor);
        Assert.Equal(HttpStatusCode.NoContent, (await Host.Http.SendAsync(request)).StatusCode);

        // A new visitor grain reads the site's configuration afresh; the gateway reads it per connection.
        var (visitor, welcome) = await ChatPeers.VisitorAsync(Host, site);

        Assert.False(welcome.GetProperty("widget").GetBoolean());
        await visitor.DisposeAsync();
    }

    private async Task<T> Get<T>(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        var response = await Host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private Task<HttpResponseMessage> Post(string path, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return Host.Http.SendAsync(request);
    }
}
