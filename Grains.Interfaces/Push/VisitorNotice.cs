namespace Switchboard.Contracts.Push;

/// <summary>A push to one visitor's sockets: an invitation to chat.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VisitorNotice")]
public sealed record VisitorNotice(
    [property: Id(0)] string VisitorKey,
    [property: Id(1)] string InviteId,
    [property: Id(2)] string Text,
    [property: Id(3)] string Rule);
