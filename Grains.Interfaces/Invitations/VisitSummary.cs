namespace Switchboard.Contracts.Invitations;

/// <summary>The visitor's current visit as operators see it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VisitSummary")]
public sealed record VisitSummary(
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<PageView> Pages,
    [property: Id(3)] Cart? Cart,
    [property: Id(4)] VisitSource? Source,
    [property: Id(5)] bool Returning,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] string? OpenConversationId,
    /// <summary>When the invitation timer is due next; null when none is armed.</summary>
    [property: Id(8)] DateTimeOffset? NextInvitationCheck,
    /// <summary>The site's customer id when the visitor's identity was verified.</summary>
    [property: Id(9)] string? CustomerId = null);
