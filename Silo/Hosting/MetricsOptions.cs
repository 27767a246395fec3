using System.ComponentModel.DataAnnotations;

namespace Switchboard.Silo.Hosting;

/// <summary>The <c>Metrics</c> section: where Prometheus scrapes each process (docs/monitoring.md, "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public bool Enabled { get; set; } = true;

    /// <summary>The gateway's scraping path, on its own HTTP port.</summary>
    [RegularExpression("^/.*", ErrorMessage = "Metrics:Path must start with '/'.")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// The port a separate silo process serves <c>/metrics</c> on (it has no other HTTP server). 9464 is
    /// OpenTelemetry's registered Prometheus port; silos sharing a host each need their own.
    /// </summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 9464;

    /// <summary>The host the silo's listener binds: every interface by default, so a scraper on another machine reaches it.</summary>
    public string SiloHost { get; set; } = "*";

    /// <summary>
    /// When set, the gateway's <see cref="Path"/> answers only requests with <c>Authorization: Bearer</c> and this
    /// token (at least 16 characters), so a gateway reachable from the internet keeps its figures to the scraper.
    /// </summary>
    [RegularExpression("^$|^.{16,}$", ErrorMessage = "Metrics:BearerToken must be empty or at least 16 characters.")]
    public string BearerToken { get; set; } = "";

    /// <summary>The section, validated: read while the host is built, so a wrong value stops the start.</summary>
    public static MetricsOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<MetricsOptions>(configuration.GetSection(Section)) ?? new MetricsOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
