using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>One notice on its way to one endpoint.</summary>
[GenerateSerializer, Alias("Switchboard.PendingDelivery")]
public sealed class PendingDelivery
{
    /// <summary>The notice's id and the endpoint's: the receiver's key for spotting a repeat.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string EndpointId { get; init; }
    [Id(2)] public required WebhookNotice Notice { get; init; }
    [Id(3)] public int Attempts { get; set; }
    /// <summary>When it was queued (or replayed): retries stop a day after.</summary>
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset NotBefore { get; set; }
    [Id(6)] public DateTimeOffset? LastAttemptAt { get; set; }
    [Id(7)] public int? LastStatusCode { get; set; }
    [Id(8)] public string? LastError { get; set; }
    [Id(9)] public string Status { get; set; } = WebhookDeliveryStatus.Pending;

    public WebhookDelivery Entry(string outboxKey) =>
        new(Id, outboxKey, EndpointId, Notice.Event, Status, Attempts, CreatedAt, LastAttemptAt, LastStatusCode, LastError);
}
