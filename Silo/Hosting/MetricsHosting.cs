using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Switchboard.Grains.Telemetry;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// OpenTelemetry metrics for a Switchboard process: Orleans' own meter, the product's meter and the .NET runtime's.
/// The gateway adds its HTTP instruments and a scraping endpoint; a separate silo serves its own listener.
/// </summary>
public static class MetricsHosting
{
    /// <summary>The meter Orleans publishes its runtime instruments on (messaging, activations, storage, reminders).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Orleans' directory-cache size gauge counts the cache with LINQ on every collection: 3.9 % of a busy gateway's CPU
    /// in the profile (docs/benchmarks.md), for a figure no dashboard of ours reads. Dropped from this provider; the Orleans
    /// Dashboard's own meter provider, which no view of ours reaches, still observes it every second while the dashboard is
    /// on, which is cheap only because the cache is kept small (<see cref="DirectoryCacheDefaults"/>).
    /// </summary>
    public const string DroppedDirectoryCacheGauge = "orleans-directory-cache-size";

    public static MeterProviderBuilder AddSwitchboardMeters(this MeterProviderBuilder metrics) => metrics
        .AddMeter(OrleansMeter, SwitchboardMetrics.MeterName)
        .AddView(DroppedDirectoryCacheGauge, MetricStreamConfiguration.Drop)
        .AddRuntimeInstrumentation();

    /// <summary>A silo process on its own: <c>http://{Metrics:SiloHost}:{Metrics:SiloPort}/metrics</c>.</summary>
    public static IServiceCollection AddSiloMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = MetricsOptions.From(configuration);
        if (options.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddSwitchboardMeters()
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Host = options.SiloHost;
                    listener.Port = options.SiloPort;
                }));
        }
        return services;
    }
}
