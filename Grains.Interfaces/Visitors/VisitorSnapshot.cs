namespace Switchboard.Contracts.Visitors;

[GenerateSerializer, Immutable, Alias("Switchboard.VisitorSnapshot")]
public sealed record VisitorSnapshot(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] string? OpenConversationId,
    [property: Id(4)] bool Returning = false,
    [property: Id(5)] DateTimeOffset VisitStartedAt = default);
