using OpenTelemetry.Metrics;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Telemetry;

/// <summary>
/// The gateway's metrics: the product and Orleans meters (in standalone mode the co-hosted silo's too), the runtime's,
/// and ASP.NET Core's HTTP instruments, scraped by Prometheus at <c>Metrics:Path</c> on the gateway's own port.
/// </summary>
public static class GatewayMetricsHosting
{
    /// <summary>
    /// ASP.NET Core's own meters, listened to directly rather than through OpenTelemetry's ASP.NET Core instrumentation,
    /// which adds the same meters and a middleware that tags handled errors: that middleware's frame stayed on every
    /// socket's request for the socket's whole life. Handled exceptions are still counted, by the diagnostics meter.
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.MemoryPool",
    ];

    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GatewayMetrics>();
        if (MetricsOptions.From(configuration).Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddSwitchboardMeters()
                .AddMeter(AspNetCoreMeters)
                .AddPrometheusExporter());
        }
        return services;
    }

    /// <summary>
    /// The scraping endpoint. It is meant for the cluster's own network: the load balancer in front of the gateways
    /// does not pass it on (docker/nginx.conf), and with <c>Metrics:BearerToken</c> set it answers only the scraper
    /// that sends the token, wherever the request comes from.
    /// </summary>
    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        var options = MetricsOptions.From(app.Configuration);
        if (!options.Enabled)
        {
            return app;
        }
        if (options.BearerToken.Length == 0)
        {
            app.MapPrometheusScrapingEndpoint(options.Path);
            if (!app.Environment.IsDevelopment())
            {
                app.Logger.LogWarning("{Path} answers anyone who reaches this gateway: set Metrics:BearerToken (docs/monitoring.md)", options.Path);
            }
            return app;
        }
        app.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null,
            configureBranchedPipeline: branch => branch.RequireBearer(options.BearerToken), optionsName: null);
        return app;
    }
}
