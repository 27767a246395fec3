namespace Switchboard.Grains.Channels;

/// <summary>The outbox's stored state: what is still to send, in order, and what became of the latest messages.</summary>
[GenerateSerializer, Alias("Switchboard.OutboxState")]
public sealed class OutboxState
{
    [Id(0)] public string Channel { get; set; } = "";
    [Id(1)] public string ContactId { get; set; } = "";
    [Id(2)] public List<PendingSend> Pending { get; set; } = [];
    /// <summary>
    /// Outcomes of the latest few hundred messages: a repeated enqueue of one of them is not sent again, its outcome is
    /// told again instead (the conversation asks after a restart for any message whose outcome it never heard).
    /// </summary>
    [Id(3)] public List<DeliveryReport> Done { get; set; } = [];
}
