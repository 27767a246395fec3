namespace Switchboard.Contracts.Sites;

/// <summary>
/// Picks the queue for a chat from what is known of the visitor, when the visitor did not pick one.
/// Every condition that is set must hold; rules are tried in order and the first match picks the queue.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.RoutingRule")]
public sealed record RoutingRule(
    [property: Id(0)] string Queue,
    [property: Id(1)] string? PageContains = null,
    [property: Id(2)] string? Region = null,
    [property: Id(3)] string? CustomerType = null)
{
    /// <summary>Chats of visitors this rule matches wait ahead of lower priorities (default 0), e.g. corporate clients.</summary>
    [Id(4)] public int Priority { get; init; }
}
