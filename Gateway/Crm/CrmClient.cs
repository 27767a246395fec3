using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Switchboard.Silo.Crm;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// The customer-card connector: <c>GET {endpoint}/customers?site=…&amp;customerId=…</c>, <c>…&amp;phone=…</c> or
/// <c>…&amp;orderNumber=…</c> (the customer who placed that order, for the waiting-help bot) (the site, so a
/// CRM serving several shops answers from the right one), retried and timed out by
/// the resilience handler <see cref="CrmHosting"/> puts in front of it. Every way it can fail becomes a
/// <see cref="CrmException"/> whose message an operator can read.
/// </summary>
public sealed class CrmClient(HttpClient http, IOptions<CrmOptions> options, IServer server)
{
    public async Task<CustomerCard?> FindAsync(
        string site, string? customerId, string? phone, CancellationToken cancellationToken, string? orderNumber = null)
    {
        var settings = options.Value;
        using var request = CrmRequest.Get(Endpoint(settings), settings.ApiKey, "customers",
            ("site", site), ("customerId", customerId), ("phone", phone), ("orderNumber", orderNumber));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new CrmException($"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return await response.Content.ReadFromJsonAsync<CustomerCard>(cancellationToken)
                ?? throw new CrmException("The CRM answered with an empty card.");
        }
        catch (TimeoutRejectedException)
        {
            throw new CrmException($"The CRM did not answer within {settings.Timeout.TotalSeconds:0.#} s.", timedOut: true);
        }
        catch (BrokenCircuitException)
        {
            throw new CrmException("The CRM failed too often lately; the gateway is giving it a rest.");
        }
        catch (HttpRequestException error)
        {
            throw new CrmException($"The CRM could not be reached: {error.Message}");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new CrmException("The CRM's answer is not a customer card.");
        }
    }

    /// <summary>
    /// A customer's answer to a campaign call onto their card: <c>POST {endpoint}/customers/answers</c> (docs/crm.md),
    /// failing as <see cref="FindAsync"/> does.
    /// </summary>
    public async Task RecordAnswerAsync(string site, Contracts.Campaigns.CampaignAnswer answer, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = CrmRequest.Post(Endpoint(settings), settings.ApiKey, "customers/answers", JsonContent.Create(new CustomerCard.CampaignAnswerEntry(
            answer.CampaignId, answer.Kind, answer.Question, answer.Answer, answer.At) { Site = site, Phone = answer.Phone, CustomerId = answer.CustomerId }));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CrmException($"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
        catch (TimeoutRejectedException)
        {
            throw new CrmException($"The CRM did not answer within {settings.Timeout.TotalSeconds:0.#} s.", timedOut: true);
        }
        catch (BrokenCircuitException)
        {
            throw new CrmException("The CRM failed too often lately; the gateway is giving it a rest.");
        }
        catch (HttpRequestException error)
        {
            throw new CrmException($"The CRM could not be reached: {error.Message}");
        }
    }

    /// <summary>
    /// A campaign's contact list from the CRM: <c>GET {endpoint}/campaign-contacts?site=…&amp;kind=…&amp;query=…&amp;limit=…</c>
    /// (docs/crm.md), answered as NDJSON or a JSON array. The answer is returned once its headers arrived, for the caller to
    /// read as it streams in and dispose; a refusal fails as <see cref="FindAsync"/> does.
    /// </summary>
    public async Task<HttpResponseMessage> OpenCampaignContactsAsync(string site, string kind, string? query, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = CrmRequest.Get(Endpoint(settings), settings.ApiKey, "campaign-contacts",
            ("site", site), ("kind", kind), ("query", query), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw new CrmException($"The CRM did not answer within {settings.Timeout.TotalSeconds:0.#} s.", timedOut: true);
        }
        catch (BrokenCircuitException)
        {
            throw new CrmException("The CRM failed too often lately; the gateway is giving it a rest.");
        }
        catch (HttpRequestException error)
        {
            throw new CrmException($"The CRM could not be reached: {error.Message}");
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new CrmException($"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase} for the contact list.");
            }
        }
        return response;
    }

    /// <summary>The configured CRM, or the demo CRM on this gateway's own address (only asked when <see cref="CrmScope"/> allows).</summary>
    private string Endpoint(CrmOptions settings) => string.IsNullOrEmpty(settings.Endpoint)
        ? $"{server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)}/demo-crm"
        : settings.Endpoint;
}
