using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>
/// The port through which an outbox reaches a retailer's endpoint (HTTP in the silo, a script in tests). It posts the
/// body as it is, signed with the endpoint's secret, and answers with the outcome rather than throwing.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookOutcome> SendAsync(WebhookEndpoint endpoint, WebhookNotice notice, string deliveryId, byte[] body, CancellationToken cancellationToken);
}
