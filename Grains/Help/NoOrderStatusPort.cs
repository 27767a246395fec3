using Switchboard.Contracts.Help;

namespace Switchboard.Grains.Help;

/// <summary>A silo with no gateway (and so no CRM connector) in its process: orders cannot be looked up, the bot says so.</summary>
public sealed class NoOrderStatusPort : IOrderStatusPort
{
    public Task<OrderStatus?> FindAsync(string site, string? customerId, string? orderNumber, CancellationToken cancellationToken) =>
        throw new OrderStatusUnavailableException("No CRM connector in this process.");
}
