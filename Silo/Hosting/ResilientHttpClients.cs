using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Switchboard.Silo.Hosting;

public static class ResilientHttpClients
{
    /// <summary>
    /// A typed client for a service outside Switchboard (the CRM, from a gateway or a silo on its own) behind
    /// the standard resilience handler: transient failures and 429/5xx answers are retried with exponential backoff
    /// and jitter, honouring <c>Retry-After</c>, all within the timeout its options give.
    /// </summary>
    public static IHttpClientBuilder AddResilientHttpClient<TClient, TOptions>(
        this IServiceCollection services, Func<TOptions, TimeSpan> timeout)
        where TClient : class
        where TOptions : class
    {
        var client = services.AddHttpClient<TClient>();
        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var limit = timeout(provider.GetRequiredService<IOptions<TOptions>>().Value);
            resilience.TotalRequestTimeout.Timeout = limit;
            // One attempt may use the whole budget: a slow answer is worth more than a retry with no time left.
            resilience.AttemptTimeout.Timeout = limit;
            // The handler insists the breaker samples at least two attempts' worth of time.
            if (resilience.CircuitBreaker.SamplingDuration < 2 * limit)
            {
                resilience.CircuitBreaker.SamplingDuration = 2 * limit;
            }
            resilience.Retry.ShouldRetryAfterHeader = true;
        });
        return client;
    }
}
