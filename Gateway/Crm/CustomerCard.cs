namespace Switchboard.Gateway.Crm;

/// <summary>The CRM's answer (docs/crm.md): the customer and their orders.</summary>
public sealed record CustomerCard(CustomerCard.CustomerInfo Customer, IReadOnlyList<CustomerCard.Order> Orders)
{
    public sealed record CustomerInfo(string Id, string Name, string? Email, string? Phone, string? Segment);

    /// <param name="DeliveryDate">When the order arrives or arrived, if the CRM says (optional in the contract).</param>
    public sealed record Order(string Number, DateOnly Date, decimal Total, string Currency, string Status, DateOnly? DeliveryDate = null);
}
