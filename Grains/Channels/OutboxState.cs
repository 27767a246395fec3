namespace Switchboard.Grains.Channels;

/// <summary>The outbox's stored state: what is still to send, in order (what became of the sent ones: <see cref="OutboxOutcomes"/>).</summary>
[GenerateSerializer, Alias("Switchboard.OutboxState")]
public sealed class OutboxState
{
    [Id(0)] public string Channel { get; set; } = "";
    [Id(1)] public string ContactId { get; set; } = "";
    [Id(2)] public List<PendingSend> Pending { get; set; } = [];
    /// <summary>
    /// Outcomes as states written before they were stored apart held them: read from such a state, moved to
    /// <see cref="OutboxOutcomes"/> on activation, never written again.
    /// </summary>
    [Id(3)] public List<DeliveryReport> Done { get; set; } = [];
}
