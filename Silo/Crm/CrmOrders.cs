using System.Text.Json.Serialization;

namespace Switchboard.Silo.Crm;

/// <summary>What the silo reads of the CRM's customer card (docs/crm.md): its orders; the rest is the gateway's.</summary>
public sealed record CrmOrders([property: JsonPropertyName("orders")] IReadOnlyList<CrmOrders.Order>? Orders)
{
    public sealed record Order(string Number, DateOnly Date, string Status, DateOnly? DeliveryDate = null);
}
