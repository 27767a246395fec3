namespace Switchboard.Domain.Queues;

/// <summary>A chat in the queue's waiting list, with what routing needs to know about it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.WaitingConversation")]
public sealed record WaitingConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset Since)
{
    /// <summary>The visitor's last operator: offered the chat first when they have room (sticky routing).</summary>
    [Id(2)] public string? PreferredOperator { get; init; }
    /// <summary>Operators who missed this chat: never offered it again.</summary>
    [Id(3)] public IReadOnlyList<string> Excluded { get; init; } = [];
    [Id(4)] public string? Phone { get; init; }
    /// <summary>The overflow the visitor was last told about, so each is said once.</summary>
    [Id(5)] public string? OverflowReason { get; init; }
    [Id(6)] public int Priority { get; init; }
    /// <summary>An operator holding capacity for this chat from an offer whose answer was lost.</summary>
    [Id(7)] public string? ReservedBy { get; init; }
    /// <summary>Which time the conversation joined a queue (<see cref="Contracts.Queues.QueueEntry.Round"/>).</summary>
    [Id(8)] public long Round { get; init; }
    [Id(9)] public string Channel { get; init; } = Contracts.Conversations.ChannelNames.Web;
}
