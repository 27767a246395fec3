namespace Switchboard.Grains.Queues;

[GenerateSerializer, Immutable, Alias("Switchboard.WaitingConversation")]
public sealed record WaitingConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset Since);
