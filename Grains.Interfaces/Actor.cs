namespace Switchboard.Contracts;

/// <summary>Who is asking, as proven by a token the gateway verified. Grains authorize against it.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.Actor")]
public sealed record Actor(
    [property: Id(0)] ActorKind Kind,
    [property: Id(1)] string Site,
    [property: Id(2)] string Id,
    [property: Id(3)] string? Name = null)
{
    public static Actor System(string site) => new(ActorKind.System, site, "system", "system");
}
