namespace Switchboard.Contracts.Webhooks;

/// <summary>
/// The durable webhook outbox of one conversation (key <c>{site}/wo:c-{conversationId}</c>) or one customer
/// (<c>{site}/wo:u-{customerId}</c>): deliveries are stored before they are sent, sent outside the chat's path,
/// retried with exponential backoff for 24 hours, and logged on the site. A reminder brings it back on another
/// silo while anything is pending.
/// </summary>
[Alias("Switchboard.IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// The conversation's log holds events up to <paramref name="throughSeq"/>: the outbox reads what it has not seen
    /// from the log itself. One-way and idempotent, so the conversation never waits and may tell it again.
    /// </summary>
    [Alias("Publish"), OneWay]
    Task Publish(long throughSeq);

    /// <summary>Stores a notice for delivery (idempotent by its id); returns once it is durable.</summary>
    [Alias("Enqueue")]
    Task Enqueue(WebhookNotice notice);

    /// <summary>Sends a delivery this outbox still knows again, whatever became of it; false when it does not know it.</summary>
    [Alias("Replay")]
    Task<bool> Replay(string deliveryId);

    /// <summary>The outcome of an attempt; called by the outbox itself once the endpoint answered.</summary>
    [Alias("AttemptFinished")]
    Task AttemptFinished(string deliveryId, WebhookOutcome outcome);

    /// <summary>
    /// Erasure: every delivery this outbox holds, pending or done, is dropped unsent (their payloads carry the erased
    /// person's texts and ids), and the outbox stops retrying.
    /// </summary>
    [Alias("Forget")]
    Task Forget();

    /// <summary>Deliveries not yet delivered or given up (for diagnostics and tests).</summary>
    [Alias("GetPending")]
    Task<IReadOnlyList<WebhookDelivery>> GetPending();
}
