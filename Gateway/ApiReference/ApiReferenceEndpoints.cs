using Scalar.AspNetCore;

namespace Switchboard.Gateway.ApiReference;

/// <summary>
/// The REST API described for the retailer's integrators: the OpenAPI document of every endpoint at
/// <c>/openapi/v1.json</c> and a browsable reference (Scalar) at <c>/scalar/</c>, its scripts served by the gateway
/// itself (no CDN) and allowed by a per-request nonce in the page's Content-Security-Policy.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The REST API is what lives under /api/: pages, sockets, platform webhooks and the dashboard are not for integrators.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Switchboard REST API";
                document.Info.Description = "Sign in with POST /api/auth/login and send the token as Authorization: Bearer. See docs/protocol.md.";
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("Switchboard REST API")
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
