namespace Switchboard.Contracts.Channels;

/// <summary>
/// The durable outbox of one messenger conversation (key <c>{site}/x:{conversationId}</c>): messages are written
/// here before they are sent, sent one at a time in order, retried with backoff (honouring the platform's
/// <c>retry_after</c>), and their outcome reported to the conversation as <c>delivery</c> events. A reminder
/// brings it back on another silo while anything is pending.
/// </summary>
[Alias("Switchboard.IChannelOutboxGrain")]
public interface IChannelOutboxGrain : IGrainWithStringKey
{
    /// <summary>Stores the message for sending (idempotent by its id) and starts sending; returns once it is durable.</summary>
    [Alias("Enqueue")]
    Task Enqueue(string channel, string contactId, OutboundMessage message);

    /// <summary>The outcome of the send started last; called by the outbox itself once the platform answered.</summary>
    [Alias("SendFinished")]
    Task SendFinished(string messageId, SendOutcome outcome);

    /// <summary>
    /// The platform's later report on a message it took (WhatsApp's <c>statuses[]</c>: delivered, read, failed), by the
    /// platform's id for it. Told to the conversation as a <c>delivery</c> event; false when this outbox never sent it.
    /// </summary>
    [Alias("PlatformReported")]
    Task<bool> PlatformReported(string platformMessageId, string status, string? error);

    /// <summary>Messages not yet sent, in order (for diagnostics and tests).</summary>
    [Alias("GetPending")]
    Task<IReadOnlyList<OutboundMessage>> GetPending();
}
