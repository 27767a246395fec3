namespace Switchboard.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("Switchboard.SiteSettings")]
public sealed record SiteSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string Language,
    [property: Id(2)] IReadOnlyList<string> AllowedOrigins,
    [property: Id(3)] string DefaultQueue);
