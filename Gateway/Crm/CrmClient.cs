using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// The customer-card connector: <c>GET {endpoint}/customers?customerId=…&amp;phone=…</c> with a timeout. Every way it
/// can fail becomes a <see cref="CrmException"/> whose message an operator can read.
/// </summary>
public sealed class CrmClient(HttpClient http, IOptions<CrmOptions> options, IServer server)
{
    public async Task<CustomerCard?> FindAsync(string? customerId, string? phone, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = string.Join('&', new[] { ("customerId", customerId), ("phone", phone) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Endpoint(settings).TrimEnd('/')}/customers?{query}");
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", settings.ApiKey);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new CrmException($"The CRM answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            return await response.Content.ReadFromJsonAsync<CustomerCard>(timeout.Token)
                ?? throw new CrmException("The CRM answered with an empty card.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CrmException($"The CRM did not answer within {settings.TimeoutSeconds:0.#} s.", timedOut: true);
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

    /// <summary>The configured CRM, or the demo CRM on this gateway's own address.</summary>
    private string Endpoint(CrmOptions settings) => string.IsNullOrEmpty(settings.Endpoint)
        ? $"{server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)}/demo-crm"
        : settings.Endpoint;
}
