using Microsoft.Extensions.Configuration;
using Switchboard.Silo.Hosting;

namespace Switchboard.Silo.Webhooks;

/// <summary>Outbound calls to retailers' URLs (webhooks, exports over HTTP): section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Whether URLs may point at loopback or private networks. Unset: allowed in standalone mode (one machine, the
    /// retailer's own), refused in cluster mode, where such a URL would reach the cluster's internal services.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary>How long one attempt may take; a slower endpoint counts as failed and is retried later.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public static WebhookOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<WebhookOptions>() ?? new WebhookOptions();
        options.AllowPrivateNetworks ??= !ClusterModeOptions.From(configuration).IsCluster;
        return options;
    }
}
