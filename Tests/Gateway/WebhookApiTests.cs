using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Silo.Webhooks;
using Switchboard.Tests.Grains;
using Switchboard.Tests.Infrastructure;
using Switchboard.Tests.Webhooks;

namespace Switchboard.Tests.Gateway;

/// <summary>Supervisors manage webhooks over REST, deliveries reach a real endpoint signed, and bad endpoints are refused.</summary>
public sealed class WebhookApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_registered_endpoint_gets_signed_deliveries_the_log_shows_them_and_a_replay_sends_one_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));
        var supervisor = await Host.LoginAsync(site, "sup");

        var created = await Json(await Send(HttpMethod.Put, site, "/webhooks/crm", supervisor,
            new { url = receiver.Url.ToString(), events = new[] { WebhookEvents.ConversationStarted } }));
        var secret = created.GetProperty("secret").GetString()!;
        var (_, start) = await new ChatDriver(Host.Grains, site).StartChat("Where is my order?");
        var delivery = await receiver.Next("conversation.started");
        var body = JsonDocument.Parse(delivery.Body).RootElement;

        Assert.True(WebhookSignature.Verify(secret, delivery.Body, delivery.Headers[WebhookSignature.Header]));
        Assert.Equal(WebhookEvents.ConversationStarted, body.GetProperty("event").GetString());
        Assert.Equal(start.ConversationId, body.GetProperty("data").GetProperty("conversationId").GetString());
        var listed = await Json(await Send(HttpMethod.Get, site, "/webhooks", supervisor));
        Assert.False(listed[0].TryGetProperty("secret", out _), "the secret was shown again");

        var deliveryId = delivery.Headers[HttpWebhookSender.DeliveryHeader];
        var logged = await Logged(site, supervisor, deliveryId);
        Assert.Equal(WebhookDeliveryStatus.Delivered, logged.GetProperty("status").GetString());
        using var replay = await Send(HttpMethod.Post, site, $"/webhooks/deliveries/{deliveryId}/replay", supervisor);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var again = await receiver.Next("the replayed delivery");
        Assert.Equal(deliveryId, again.Headers[HttpWebhookSender.DeliveryHeader]);
        using var unknown = await Send(HttpMethod.Post, site, "/webhooks/deliveries/nothing-like-it/replay", supervisor);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("""{"url":"https://crm.example/hooks","events":["order.paid"]}""", "events")]
    [InlineData("""{"url":"https://crm.example/hooks","events":[]}""", "events")]
    [InlineData("""{"url":"gopher://crm.example/hooks","events":["message"]}""", "url")]
    [InlineData("""{"url":"https://crm.example/hooks","events":["message"],"secret":"short"}""", "secret")]
    public async Task A_bad_endpoint_is_refused_saying_which_field(string request, string field)
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var response = await Send(HttpMethod.Put, site, "/webhooks/crm", await Host.LoginAsync(site, "sup"), JsonDocument.Parse(request).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), $"no problem named '{field}'");
    }

    [Fact]
    public async Task An_operator_may_not_manage_webhooks()
    {
        var site = await TestSites.CreateAsync(Host.Grains, ("anna", 4, ["general"]));

        using var response = await Send(HttpMethod.Get, site, "/webhooks", await Host.LoginAsync(site, "anna"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Where_private_networks_are_refused_a_loopback_endpoint_is_refused_at_registration()
    {
        using var data = new TempDirectory();
        using var host = new GatewayHost(data.Path, new Dictionary<string, string> { ["Webhooks:AllowPrivateNetworks"] = "false" });
        var site = await TestSites.CreateAsync(host.Grains, ("anna", 4, ["general"]));
        var supervisor = await host.LoginAsync(site, "sup");

        foreach (var url in new[] { "http://127.0.0.1:8080/hooks", "http://localhost/hooks", "http://169.254.169.254/latest" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sites/{site}/webhooks/crm")
            {
                Content = JsonContent.Create(new { url, events = new[] { WebhookEvents.Message } }),
            };
            request.Headers.Authorization = new("Bearer", supervisor);
            using var response = await host.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("loopback or private", (await Json(response)).GetProperty("errors").GetProperty("url")[0].GetString());
        }
    }

    /// <summary>The log is fed one-way by the outbox after the endpoint answered: reads it until the delivery is no longer pending.</summary>
    private async Task<JsonElement> Logged(string site, string token, string deliveryId)
    {
        var log = await Eventually.Until(
            async () => await Json(await Send(HttpMethod.Get, site, "/webhooks/deliveries", token)),
            log => Finished(log, deliveryId) is not null,
            $"delivery {deliveryId} in the log, no longer pending");
        return Finished(log, deliveryId)!.Value;
    }

    private static JsonElement? Finished(JsonElement log, string deliveryId) =>
        log.EnumerateArray()
            .Where(e => e.GetProperty("id").GetString() == deliveryId && e.GetProperty("status").GetString() != WebhookDeliveryStatus.Pending)
            .Select(e => (JsonElement?)e)
            .FirstOrDefault();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string site, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/sites/{site}{path}");
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await Host.Http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
