namespace Switchboard.Grains.Channels;

/// <summary>
/// What became of an outbox's latest messages, stored apart from what is still to send: only a finished send changes
/// it, so the write that stores a new message carries none of it.
/// </summary>
[GenerateSerializer, Alias("Switchboard.OutboxOutcomes")]
public sealed class OutboxOutcomes
{
    /// <summary>
    /// Outcomes of the latest few hundred messages: a repeated enqueue of one of them is not sent again, its outcome is
    /// told again instead (the conversation asks after a restart for any message whose outcome it never heard).
    /// </summary>
    [Id(0)] public List<DeliveryReport> Kept { get; set; } = [];
}
