namespace Switchboard.Contracts.Help;

/// <summary>An order as the CRM tells it: its number, status and, when known, the delivery date.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.OrderStatus")]
public sealed record OrderStatus(
    [property: Id(0)] string Number,
    [property: Id(1)] string Status,
    [property: Id(2)] DateOnly? DeliveryDate);
