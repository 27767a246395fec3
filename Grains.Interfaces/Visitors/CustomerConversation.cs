namespace Switchboard.Contracts.Visitors;

/// <summary>One of a customer's conversations, on whichever channel it took place.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CustomerConversation")]
public sealed record CustomerConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string Channel,
    [property: Id(2)] DateTimeOffset StartedAt);
