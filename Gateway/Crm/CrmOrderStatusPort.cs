using Switchboard.Contracts.Help;

namespace Switchboard.Gateway.Crm;

/// <summary>"Where is my order?" through the customer-card connector: the verified customer's latest order, or the order with a number.</summary>
public sealed class CrmOrderStatusPort(CrmClient crm, CrmScope scope) : IOrderStatusPort
{
    public async Task<OrderStatus?> FindAsync(string site, string? customerId, string? orderNumber, CancellationToken cancellationToken)
    {
        if (!scope.HasCrm(site))
        {
            throw new OrderStatusUnavailableException(CrmScope.NotConfiguredTitle);
        }
        try
        {
            var card = await crm.FindAsync(site, customerId, phone: null, cancellationToken, orderNumber);
            var order = orderNumber is null
                ? card?.Orders.OrderByDescending(o => o.Date).FirstOrDefault()
                : card?.Orders.FirstOrDefault(o => string.Equals(o.Number, orderNumber, StringComparison.OrdinalIgnoreCase));
            return order is null ? null : new OrderStatus(order.Number, order.Status, order.DeliveryDate);
        }
        catch (CrmException error)
        {
            throw new OrderStatusUnavailableException(error.Message);
        }
    }
}
