using Switchboard.Contracts.Webhooks;

namespace Switchboard.Grains.Webhooks;

/// <summary>A grain's copy of its site's webhook endpoints, read again once older than the refresh interval.</summary>
internal sealed class WebhookEndpointsCache(IGrainFactory grains, string site, TimeProvider clock)
{
    /// <summary>A new endpoint, or one switched off, takes effect within this.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private IReadOnlyList<WebhookEndpoint>? _endpoints;
    private DateTimeOffset _readAt;

    public async Task<IReadOnlyList<WebhookEndpoint>> Get()
    {
        var now = clock.GetUtcNow();
        if (_endpoints is null || now - _readAt >= Refresh)
        {
            _endpoints = await grains.Grain<ISiteWebhooksGrain>(GrainKeys.SiteWebhooks(site)).GetEndpoints();
            _readAt = now;
        }
        return _endpoints;
    }

    /// <summary>The endpoints while the copy is fresh, else null: lets a caller that only needs to know "none" skip the await.</summary>
    public IReadOnlyList<WebhookEndpoint>? Fresh => _endpoints is not null && clock.GetUtcNow() - _readAt < Refresh ? _endpoints : null;

    /// <summary>True when some endpoint wants one of <paramref name="webhookEvents"/>.</summary>
    public async Task<bool> AnyWants(IEnumerable<string> webhookEvents)
    {
        var endpoints = await Get();
        return endpoints.Count > 0 && webhookEvents.Any(e => endpoints.Any(endpoint => endpoint.Wants(e)));
    }
}
