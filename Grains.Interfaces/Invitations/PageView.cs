namespace Switchboard.Contracts.Invitations;

/// <summary>A page of the visit and how long the visitor stayed (still counting for the current page).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PageView")]
public sealed record PageView(
    [property: Id(0)] string Url,
    [property: Id(1)] string? Title,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Seconds);
