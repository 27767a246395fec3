namespace Switchboard.Contracts.Queues;

/// <summary>A waiting chat as operators and supervisors see it in the queue's list.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingChat")]
public sealed record WaitingChat(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] int Position,
    [property: Id(3)] int? EtaSeconds,
    [property: Id(4)] string? Phone,
    [property: Id(5)] string? OverflowReason)
{
    [Id(6)] public string Channel { get; init; } = Conversations.ChannelNames.Web;
}
