namespace Switchboard.Contracts.Sites;

/// <summary>Every site's name, and the directory's version of the list (it grows by one with each site added).</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.KnownSiteList")]
public sealed record KnownSiteList([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<string> Sites);
