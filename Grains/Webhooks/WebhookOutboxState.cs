namespace Switchboard.Grains.Webhooks;

[GenerateSerializer, Alias("Switchboard.WebhookOutboxState")]
public sealed class WebhookOutboxState
{
    /// <summary>A conversation outbox's position in the conversation's log: every event up to it has been queued (or skipped).</summary>
    [Id(0)] public long ThroughSeq { get; set; }
    [Id(1)] public List<PendingDelivery> Pending { get; set; } = [];
    /// <summary>The latest finished deliveries, for replay and to recognise a notice queued again.</summary>
    [Id(2)] public List<PendingDelivery> Done { get; set; } = [];
}
