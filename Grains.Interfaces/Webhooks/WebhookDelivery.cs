namespace Switchboard.Contracts.Webhooks;

/// <summary>An entry of a site's delivery log: one notice to one endpoint, and how its attempts went.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string Id,
    [property: Id(1)] string OutboxKey,
    [property: Id(2)] string EndpointId,
    [property: Id(3)] string Event,
    [property: Id(4)] string Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? LastAttemptAt,
    [property: Id(8)] int? LastStatusCode,
    [property: Id(9)] string? LastError);
