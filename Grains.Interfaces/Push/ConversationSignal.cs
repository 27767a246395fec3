namespace Switchboard.Contracts.Push;

/// <summary>A transient, unsequenced conversation push: queue position, typing.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.ConversationSignal")]
public sealed record ConversationSignal(
    [property: Id(0)] string ConversationKey,
    [property: Id(1)] string Type,
    [property: Id(2)] int? Position = null,
    [property: Id(3)] int? EtaSeconds = null,
    [property: Id(4)] string? Draft = null);
