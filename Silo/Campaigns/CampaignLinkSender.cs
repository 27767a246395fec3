using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Campaigns;

namespace Switchboard.Silo.Campaigns;

/// <summary>
/// Back in stock's product link by SMS through the configured HTTP SMS gateway. A WhatsApp template named by the
/// campaign is not sent from here yet (docs/campaigns.md, "Not built yet"): the link then still goes by SMS.
/// </summary>
public sealed class CampaignLinkSender(HttpClient http, IOptions<SmsGatewayOptions> options) : ICampaignLinkSender
{
    public async Task<string?> SendAsync(string site, string phone, string text, string? whatsAppTemplate, string language, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Url))
        {
            return "no SMS gateway is configured (Campaigns:Sms:Url)";
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new { to = phone, text, sender = settings.Sender, site }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", settings.ApiKey);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"the SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the SMS gateway did not answer within {settings.TimeoutSeconds:0.#} s";
        }
        catch (HttpRequestException error)
        {
            return $"the SMS gateway could not be reached: {error.Message}";
        }
    }
}
