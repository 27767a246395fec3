namespace Switchboard.Contracts.Invitations;

[GenerateSerializer, Immutable, Alias("Switchboard.Cart")]
public sealed record Cart(
    [property: Id(0)] IReadOnlyList<CartItem> Items,
    [property: Id(1)] decimal Total,
    [property: Id(2)] string Currency)
{
    public bool IsEmpty => Items.Count == 0;
}
