namespace Switchboard.Contracts.Invitations;

[GenerateSerializer, Immutable, Alias("Switchboard.CartItem")]
public sealed record CartItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] int Qty,
    [property: Id(3)] decimal Price);
