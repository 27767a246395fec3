namespace Switchboard.Contracts.Webhooks;

/// <summary>
/// Something that happened, to be delivered to every endpoint subscribed to <see cref="Event"/>. <see cref="Id"/> is
/// stable (a conversation's key and seq, a customer's first contact), so the same happening is never queued twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookNotice")]
public sealed record WebhookNotice(
    [property: Id(0)] string Id,
    [property: Id(1)] string Event,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string DataJson);
