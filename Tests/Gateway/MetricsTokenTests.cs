using System.Net;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>With <c>Metrics:BearerToken</c> set, the gateway's figures go only to the scraper that sends it.</summary>
public sealed class MetricsTokenTests : IDisposable
{
    private const string Token = "scrape-token-0123456789";
    private readonly TempDirectory _data = new();
    private readonly GatewayHost _host;

    public MetricsTokenTests() => _host = new GatewayHost(_data.Path, new Dictionary<string, string> { ["Metrics:BearerToken"] = Token });

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-token-at-all", HttpStatusCode.Unauthorized)]
    [InlineData(Token, HttpStatusCode.OK)]
    public async Task Metrics_answer_only_the_configured_bearer_token(string? bearer, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            // The Prometheus text itself; which of the product's own series exist yet depends on what this host did.
            Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync());
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
