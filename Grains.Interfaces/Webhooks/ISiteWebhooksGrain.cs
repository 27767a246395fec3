namespace Switchboard.Contracts.Webhooks;

/// <summary>A site's webhook endpoints and its delivery log (key <c>{site}/wh:site</c>).</summary>
[Alias("Switchboard.ISiteWebhooksGrain")]
public interface ISiteWebhooksGrain : IGrainWithStringKey
{
    /// <summary>Read-only, so the site's conversations reading it interleave instead of queueing.</summary>
    [Alias("GetEndpoints"), ReadOnly]
    Task<IReadOnlyList<WebhookEndpoint>> GetEndpoints();

    /// <summary>Adds or replaces an endpoint; the caller has checked its URL and events.</summary>
    [Alias("SetEndpoint")]
    Task SetEndpoint(WebhookEndpoint endpoint);

    /// <summary>False when there was no such endpoint. Its pending deliveries are dropped when they come up.</summary>
    [Alias("RemoveEndpoint")]
    Task<bool> RemoveEndpoint(string endpointId);

    /// <summary>The latest state of a delivery, from an outbox; one-way, so an outbox never waits on the log.</summary>
    [Alias("Record"), OneWay]
    Task Record(WebhookDelivery delivery);

    /// <summary>The latest deliveries, newest first.</summary>
    [Alias("GetDeliveries"), ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveries(int limit);

    [Alias("FindDelivery"), ReadOnly]
    Task<WebhookDelivery?> FindDelivery(string deliveryId);
}
