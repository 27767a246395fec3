using System.Net;

namespace Switchboard.Silo.Channels;

/// <summary>
/// Sends a platform request, waiting out a <c>429</c> as long as the platform asks (its own figure, else Retry-After)
/// on the injected clock, a few times at most; the last 429 comes back to the caller with its wait.
/// </summary>
public sealed class RateLimitedHttp(HttpClient http, TimeProvider clock)
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    /// <summary>The final response and, when it is a 429, how long the platform asked to wait.</summary>
    public async Task<(HttpResponseMessage Response, string Body, TimeSpan? RetryAfter)> SendAsync(
        Func<HttpRequestMessage> request, Func<string, TimeSpan?> retryAfterInBody, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await http.SendAsync(request(), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return (response, body, null);
            }
            var wait = retryAfterInBody(body) ?? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            if (attempt == MaxAttempts || wait > LongestWait)
            {
                return (response, body, wait);
            }
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
