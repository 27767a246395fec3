using OpenTelemetry.Metrics;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Telemetry;

/// <summary>
/// The gateway's metrics: the product and Orleans meters (in standalone mode the co-hosted silo's too), the runtime's,
/// and ASP.NET Core's HTTP instruments, scraped by Prometheus at <c>Metrics:Path</c> on the gateway's own port.
/// </summary>
public static class GatewayMetricsHosting
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GatewayMetrics>();
        if (MetricsOptions.From(configuration).Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddSwitchboardMeters()
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        }
        return services;
    }

    /// <summary>
    /// The scraping endpoint. It is meant for the cluster's own network: the load balancer in front of the gateways
    /// does not pass it on (docker/nginx.conf), so shoppers never see it.
    /// </summary>
    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        var options = MetricsOptions.From(app.Configuration);
        if (options.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(options.Path);
        }
        return app;
    }
}
