namespace Switchboard.Contracts.Invitations;

/// <summary>A visitor online now, as a gateway node sees them: what the operators' live list shows.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OnlineVisitor")]
public sealed record OnlineVisitor(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? PageUrl,
    [property: Id(3)] string? PageTitle,
    [property: Id(4)] DateTimeOffset VisitStartedAt,
    [property: Id(5)] int Pages,
    [property: Id(6)] Cart? Cart,
    [property: Id(7)] VisitSource? Source,
    [property: Id(8)] bool Returning,
    [property: Id(9)] bool Chatting);
