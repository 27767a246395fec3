namespace Switchboard.Contracts.Help;

/// <summary>
/// The way to the site's CRM for "Where is my order?". Implemented where the CRM connector is configured (the
/// gateway); a silo without a gateway in its process has one that knows no orders, and the bot then hands over to a person.
/// </summary>
public interface IOrderStatusPort
{
    /// <summary>The customer's latest order, or the order with this number; null when the CRM knows none.</summary>
    /// <exception cref="OrderStatusUnavailableException">The CRM could not be asked.</exception>
    Task<OrderStatus?> FindAsync(string site, string? customerId, string? orderNumber, CancellationToken cancellationToken);
}
