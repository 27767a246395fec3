namespace Switchboard.Contracts.Conversations;

/// <summary>Everything a new conversation needs, fixed at its start.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.StartConversation")]
public sealed record StartConversation(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? VisitorName,
    [property: Id(2)] string Queue,
    [property: Id(3)] string ClientId,
    [property: Id(4)] string? Text);
