using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>The OpenAPI document describes exactly the REST endpoints (under /api/) the gateway maps, and the reference page can run.</summary>
public sealed class OpenApiDocumentTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Every_rest_endpoint_is_in_the_openapi_document_and_every_documented_one_exists()
    {
        var response = await Host.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var mapped = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

        Assert.Contains("GET /api/sites/{site}/reports", mapped);
        Assert.Contains("POST /api/sites/{site}/orders", mapped);
        Assert.True(mapped.Except(documented).ToList() is [], $"Mapped but not documented: {string.Join(", ", mapped.Except(documented))}");
        Assert.True(documented.Except(mapped).ToList() is [], $"Documented but not mapped: {string.Join(", ", documented.Except(mapped))}");
    }

    [Fact]
    public async Task The_reference_page_runs_its_inline_script_under_a_nonce_of_its_own_response()
    {
        var response = await Host.Http.GetAsync("/scalar/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", page);
        Assert.DoesNotContain("cdn.jsdelivr", page);
    }
}
