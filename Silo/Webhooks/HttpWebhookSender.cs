using System.Net.Http.Headers;
using Switchboard.Contracts.Webhooks;
using Switchboard.Domain.Webhooks;
using Switchboard.Grains.Webhooks;

namespace Switchboard.Silo.Webhooks;

/// <summary>Posts a delivery to its endpoint, signed; any 2xx is delivered, anything else (or no answer in time) is retried.</summary>
public sealed class HttpWebhookSender(HttpClient http) : IWebhookSender
{
    public const string DeliveryHeader = "X-Switchboard-Delivery";
    public const string EventHeader = "X-Switchboard-Event";

    public async Task<WebhookOutcome> SendAsync(WebhookEndpoint endpoint, WebhookNotice notice, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, body));
        request.Headers.Add(DeliveryHeader, deliveryId);
        request.Headers.Add(EventHeader, notice.Event);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? WebhookOutcome.Ok(code) : WebhookOutcome.Failed(code, $"The endpoint answered {code}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookOutcome.Failed(null, $"No answer within {http.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException error)
        {
            return WebhookOutcome.Failed(null, error.InnerException?.Message is { } inner ? $"{error.Message} {inner}" : error.Message);
        }
    }
}
