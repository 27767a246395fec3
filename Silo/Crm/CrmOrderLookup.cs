using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Switchboard.Contracts.Help;

namespace Switchboard.Silo.Crm;

/// <summary>
/// "Where is my order?" from a silo running on its own (cluster mode), where no gateway and so no customer-card
/// connector shares the process: the same CRM (<c>Crm:Endpoint</c>, <c>Crm:ApiKey</c>, <c>Crm:Timeout</c>) asked the
/// same way (<c>GET {endpoint}/customers?site=…&amp;customerId=…</c> or <c>…&amp;orderNumber=…</c>), the verified
/// customer's latest order or the order with the number, through the same resilient client as the gateway's
/// (<see cref="Hosting.CrmConnectionHosting"/>). Every failure is <see cref="OrderStatusUnavailableException"/>,
/// and the bot then offers a person.
/// </summary>
public sealed class CrmOrderLookup(HttpClient http, IOptions<CrmOptions> options) : IOrderStatusPort
{
    public const string NotConfigured = "No CRM is configured for this site.";

    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web);

    public async Task<OrderStatus?> FindAsync(string site, string? customerId, string? orderNumber, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Endpoint))
        {
            throw new OrderStatusUnavailableException(NotConfigured);
        }
        var card = await ReadCardAsync(settings, site, orderNumber is null ? ("customerId", customerId) : ("orderNumber", orderNumber), cancellationToken);
        var order = orderNumber is null
            ? card?.Orders?.OrderByDescending(o => o.Date).FirstOrDefault()
            : card?.Orders?.FirstOrDefault(o => string.Equals(o.Number, orderNumber, StringComparison.OrdinalIgnoreCase));
        return order is null ? null : new OrderStatus(order.Number, order.Status, order.DeliveryDate);
    }

    private async Task<CrmOrders?> ReadCardAsync(CrmOptions settings, string site, (string Name, string? Value) by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(by.Value))
        {
            return null;
        }
        using var request = CrmRequest.Get(settings.Endpoint, settings.ApiKey, "customers", ("site", site), by);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new OrderStatusUnavailableException($"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return await response.Content.ReadFromJsonAsync<CrmOrders>(CardJson, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw new OrderStatusUnavailableException($"The CRM did not answer within {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (BrokenCircuitException)
        {
            throw new OrderStatusUnavailableException("The CRM failed too often lately; the silo is giving it a rest.");
        }
        catch (HttpRequestException error)
        {
            throw new OrderStatusUnavailableException($"The CRM could not be reached: {error.Message}");
        }
        catch (JsonException)
        {
            throw new OrderStatusUnavailableException("The CRM's answer is not a customer card.");
        }
    }
}
