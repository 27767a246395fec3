namespace Switchboard.Contracts.Push;

/// <summary>A push to one operator's consoles: a chat given or taken away, or their status changed.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OperatorNotice")]
public sealed record OperatorNotice(
    [property: Id(0)] string OperatorKey,
    [property: Id(1)] string Type,
    [property: Id(2)] string? ConversationId = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] string? Status = null);
