namespace Switchboard.Contracts.Queues;

/// <summary>A conversation joining a queue: since when it waits (its age decides its place), whom to offer it first, whom never.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.QueueEntry")]
public sealed record QueueEntry(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] string? PreferredOperator,
    [property: Id(3)] IReadOnlyList<string> Excluded)
{
    /// <summary>Higher waits ahead; equal priorities go by age.</summary>
    [Id(4)] public int Priority { get; init; }
    /// <summary>
    /// The conversation's seq when it was put in the queue. A queue that has assigned this round ignores later
    /// enqueues of it: they are the conversation's reminders, sent before it heard of its assignment.
    /// </summary>
    [Id(5)] public long Round { get; init; }
    /// <summary>Where the conversation takes place: supervisors see waiting chats and service level per channel.</summary>
    [Id(6)] public string Channel { get; init; } = Conversations.ChannelNames.Web;
}
