using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Contracts.Webhooks;
using Switchboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// A customer's first contact reaches the CRM exactly once by its delivery id although the silo sending it dies
/// mid-delivery: the CRM has the request but the silo never hears the answer, so the outbox, back on the other silo,
/// sends it again with the same <c>id</c> (docs/integrations.md: deduplicate on <c>id</c>); nothing else is sent.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class FirstContactFailoverTests(DatabaseServers servers, ITestOutputHelper output) : RunningClusterTests(servers)
{
    private const string Customer = "crm-4711";

    /// <summary>A pending delivery's reminder (a minute's period) brings its outbox back on the surviving silo.</summary>
    private static readonly TimeSpan Redelivery = TimeSpan.FromMinutes(3);

    // The CRM is on this machine's loopback, which cluster mode refuses by default (SSRF).
    protected override IReadOnlyDictionary<string, string>? SiloSettings =>
        new Dictionary<string, string> { ["Webhooks__AllowPrivateNetworks"] = "true" };

    protected override bool WithGateways => false;

    [Fact]
    public async Task The_first_contact_reaches_the_crm_once_by_id_when_the_sending_silo_dies_mid_delivery()
    {
        var crm = new HoldingCrm();
        var (app, address) = await LoopbackApp.StartAsync(web => web.MapPost("/crm", crm.ReceiveAsync));
        await using var _ = app;
        var site = await TestSites.CreateAsync(Cluster.Observer.Client);
        await Cluster.Observer.Client.Grain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site)).SetEndpoint(
            new WebhookEndpoint("crm", new Uri(address, "/crm").ToString(), "crm-secret-0123456789", [WebhookEvents.CustomerFirstContact]));

        // What the visitor grain does when a signed-in customer starts a chat.
        await Cluster.Observer.Client.Grain<ICustomerGrain>(GrainKeys.Customer(site, Customer))
            .ConversationStarted("first-chat", "web", DateTimeOffset.UtcNow);
        var first = await crm.First.Task.WaitAsync(Waits.Signal);

        // The silo whose outbox is waiting for the CRM's answer dies before it comes.
        var outbox = Cluster.Observer.Client.Grain<IWebhookOutboxGrain>(GrainKeys.CustomerWebhooks(site, Customer));
        var sender = Cluster.SiloAt(await Cluster.Observer.SiloPortOfAsync(outbox));
        await sender.Process.KillAsync();
        crm.Release();

        var again = await crm.Second.Task.WaitAsync(Redelivery);
        output.WriteLine($"Delivered again after the silo's death as {again.Id} (attempt 1 was {first.Id}).");
        Assert.Equal((WebhookEvents.CustomerFirstContact, Customer), (first.Event, first.CustomerId));
        Assert.Equal(first.Id, again.Id);

        // The outbox stored the CRM's 2xx, so it sends nothing more: the log says delivered, and the CRM saw one id.
        var delivery = await Eventually.Until(
            async () => (await Cluster.Observer.Client.Grain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site)).FindDelivery(first.Id)),
            d => d?.Status == WebhookDeliveryStatus.Delivered, $"delivery {first.Id} logged as delivered");
        Assert.Equal(2, delivery!.Attempts);
        Assert.Equal([first.Id], crm.Received.Select(r => r.Id).Distinct());
        Assert.Equal(1, crm.Processed);
    }

    private sealed record Received(string Id, string Event, string? CustomerId);

    /// <summary>A CRM that holds its first request unanswered until released, and processes each delivery id once.</summary>
    private sealed class HoldingCrm
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

        public ConcurrentQueue<Received> Received { get; } = new();
        public TaskCompletionSource<Received> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<Received> Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Processed => _seen.Count;

        public void Release() => _released.TrySetResult();

        public async Task<IResult> ReceiveAsync(HttpRequest request)
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var received = new Received(root.GetProperty("id").GetString()!, root.GetProperty("event").GetString()!,
                root.GetProperty("data").TryGetProperty("customerId", out var customer) ? customer.GetString() : null);
            Received.Enqueue(received);
            if (!First.TrySetResult(received))
            {
                Second.TrySetResult(received);
            }
            else
            {
                await _released.Task;
            }
            // The documented way to be exactly-once: a repeated id is acknowledged and not processed again.
            _seen.TryAdd(received.Id, true);
            return Results.Ok();
        }
    }
}
