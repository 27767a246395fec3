using Switchboard.Gateway.Crm;
using Switchboard.Domain.Calls;

namespace Switchboard.Gateway.Channels.Phone;

/// <summary>Menu key 1: the caller's latest order, looked up by their number through the CRM connector, as a sentence.</summary>
public sealed class OrderStatusReader(CrmClient crm, CrmScope scope, ILogger<OrderStatusReader> logger)
{
    public async Task<string> ReadAsync(string site, string phone, string language, CancellationToken cancellationToken)
    {
        if (!scope.HasCrm(site))
        {
            // No CRM for this site: the caller is told orders cannot be read now, never an invented order.
            return PhoneTexts.OrdersUnavailable(language);
        }
        try
        {
            var card = await crm.FindAsync(site, null, phone, cancellationToken);
            var latest = card?.Orders.OrderByDescending(o => o.Date).FirstOrDefault();
            return latest is null
                ? PhoneTexts.NoOrders(language)
                : PhoneTexts.OrderStatus(language, latest.Number, latest.Date, latest.Status);
        }
        catch (CrmException error)
        {
            logger.LogWarning("Order status for a caller could not be read: {Problem}", error.Message);
            return PhoneTexts.OrdersUnavailable(language);
        }
    }
}
