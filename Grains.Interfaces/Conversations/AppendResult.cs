namespace Switchboard.Contracts.Conversations;

/// <summary>The acknowledgement of a client's send: the event's sequence, durable by the time this is returned.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AppendResult")]
public sealed record AppendResult(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Seq);
