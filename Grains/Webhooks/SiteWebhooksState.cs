using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

[GenerateSerializer, Alias("Switchboard.SiteWebhooksState")]
public sealed class SiteWebhooksState
{
    [Id(0)] public List<WebhookEndpoint> Endpoints { get; set; } = [];
    /// <summary>The delivery log, oldest first, bounded.</summary>
    [Id(1)] public List<WebhookDelivery> Deliveries { get; set; } = [];
}
