using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Webhooks;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Webhooks;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// A visitor in the retailer's app gives its push token, closes the app, and the operator's replies reach the site's
/// push endpoint (a local fake) signed, once each, with the title, the body and the conversation.
/// </summary>
public sealed class InAppPushTests
{
    private const string Secret = "push-endpoint-secret-1";

    [Fact]
    public async Task A_reply_while_the_app_is_closed_is_pushed_once_to_the_sites_push_endpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path);
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        await SubscribeAsync(host, site, receiver.Url);
        var (anna, _) = await ChatPeers.OnlineOperatorAsync(host, site, "anna");
        var (app, welcome) = await ChatPeers.VisitorAsync(host, site);
        // Frames are handled in order: the chat's ack says the token is kept.
        await app.SendAsync(new { type = "push_token", token = "device-token-1", platform = "android" });
        await app.SendAsync(new { type = "start_chat", id = "s1", text = "Where is my parcel?" });
        var conversationId = (await app.ExpectAsync("ack")).Str("conversationId");
        await anna.ExpectAsync("assigned", f => f.TryGetProperty("transcript", out _));
        await anna.SendAsync(new { type = "message", conversationId, id = "a0", text = "Let me look." });
        await app.ExpectAsync("message", f => f.Str("from") == "operator");

        await app.DisposeAsync(); // the app is closed
        var conversation = host.Grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(site, conversationId));
        await Eventually.Until(() => conversation.GetSnapshot(new Actor(ActorKind.Operator, site, "anna")),
            s => s.VisitorGoneSince is not null, "the conversation to know no widget is open");
        await anna.SendAsync(new { type = "message", conversationId, id = "a1", text = "It ships today." });
        await anna.ExpectAsync("ack", f => f.Str("id") == "a1");
        var first = await receiver.Next("the push of the first reply");
        await anna.SendAsync(new { type = "message", conversationId, id = "a2", text = "Tracking: RU123." });
        var second = await receiver.Next("the push of the second reply");

        Assert.Equal("push", first.Headers["X-Switchboard-Event"]);
        Assert.Equal(WebhookSignature.Sign(Secret, first.Body), first.Headers[WebhookSignature.Header]);
        var push = JsonDocument.Parse(first.Body).RootElement.GetProperty("data");
        Assert.Equal(("device-token-1", "android", conversationId, "Anna", "It ships today."),
            (push.Str("token"), push.Str("platform"), push.Str("conversationId"), push.Str("title"), push.Str("body")));
        Assert.Equal(welcome.Str("visitorId"), push.Str("visitorId"));
        // Once each: the second post is the second reply, not the first again.
        Assert.Equal("Tracking: RU123.", JsonDocument.Parse(second.Body).RootElement.GetProperty("data").Str("body"));
        Assert.NotEqual(first.Headers["X-Switchboard-Delivery"], second.Headers["X-Switchboard-Delivery"]);
        await anna.DisposeAsync();
    }

    private static async Task SubscribeAsync(GatewayHost host, string site, Uri url)
    {
        var token = await host.LoginAsync(site, "sup");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/webhooks/app-push")
        {
            Content = JsonContent.Create(new { url = url.ToString(), events = new[] { "push" }, secret = Secret }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
