namespace Switchboard.Contracts.Visitors;

/// <summary>A signed-in customer, after the gateway checked the site's HMAC signature.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.VerifiedIdentity")]
public sealed record VerifiedIdentity(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Phone,
    [property: Id(4)] string? CustomerType = null);
