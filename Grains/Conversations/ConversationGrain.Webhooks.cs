using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Webhooks;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The conversation's side of the site's webhooks: after a durable append it tells its webhook outbox how far the log
/// goes, one-way, and only when some endpoint wants one of the events. The outbox reads the events from the log, so
/// the chat never waits on it; on activation the conversation tells it again, in case a silo died in between.
/// </summary>
public sealed partial class ConversationGrain
{
    private WebhookEndpointsCache? _webhooks;

    private Task TellWebhooks(IEnumerable<ConversationEvent> events) =>
        TellWebhooks(events.Select(WebhookNotices.EventOf).OfType<string>().ToList());

    private async Task TellWebhooks(IReadOnlyList<string> webhookEvents)
    {
        try
        {
            _webhooks ??= new WebhookEndpointsCache(GrainFactory, _site, clock);
            if (webhookEvents.Count > 0 && await _webhooks.AnyWants(webhookEvents))
            {
                GrainFactory.Grain<IWebhookOutboxGrain>(GrainKeys.ConversationWebhooks(_site, _id)).Publish(_history.LastSeq).Ignore();
            }
        }
        catch (Exception error)
        {
            // The events are stored; the next append or activation tells the outbox again.
            logger.LogWarning(error, "Could not tell the webhook outbox of {Conversation}", _key);
        }
    }
}
