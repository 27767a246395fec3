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

    /// <summary>
    /// Runs after every append, so after every chat message: while the site's endpoints are known to be none (most
    /// sites), it costs no list, no closure and no await.
    /// </summary>
    private Task TellWebhooks(IReadOnlyList<ConversationEvent> events)
    {
        _webhooks ??= new WebhookEndpointsCache(GrainFactory, _site, clock);
        if (_webhooks.Fresh is { Count: 0 })
        {
            return Task.CompletedTask;
        }
        List<string>? webhookEvents = null;
        foreach (var evt in events)
        {
            if (WebhookNotices.EventOf(evt) is { } webhookEvent)
            {
                (webhookEvents ??= []).Add(webhookEvent);
            }
        }
        return webhookEvents is null ? Task.CompletedTask : TellWebhooks(webhookEvents);
    }

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
