using Microsoft.Extensions.Configuration;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The <c>Cluster</c> configuration section. <see cref="Mode"/> picks standalone (the default: one process,
/// SQLite) or cluster (silos on Redis membership and PostgreSQL, gateways as Orleans clients).
/// </summary>
public sealed class ClusterModeOptions
{
    public const string Section = "Cluster";
    public const string StandaloneMode = "Standalone";
    public const string ClusterMode = "Cluster";

    public string Mode { get; set; } = StandaloneMode;

    /// <summary>Silos with the same service id share storage; keep it for the life of the deployment.</summary>
    public string ServiceId { get; set; } = "switchboard";

    /// <summary>Silos and gateways with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "switchboard";

    /// <summary>StackExchange.Redis configuration string for membership, e.g. <c>redis:6379</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>Npgsql connection string for grain state, reminders, the event log and the gateways' key ring.</summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// The address other silos and the gateways use to reach this silo: an IP, or a host name resolved once at
    /// start (a container's service name). Required for a silo: guessing picks the wrong interface on multi-homed hosts.
    /// </summary>
    public string? AdvertisedIP { get; set; }

    public int SiloPort { get; set; } = 11111;

    /// <summary>Where gateways (Orleans clients) connect to this silo.</summary>
    public int GatewayPort { get; set; } = 30000;

    public bool IsCluster => string.Equals(Mode, ClusterMode, StringComparison.OrdinalIgnoreCase);

    public static ClusterModeOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ClusterModeOptions>() ?? new ClusterModeOptions();
        if (!options.IsCluster && !string.Equals(options.Mode, StandaloneMode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Cluster:Mode is '{options.Mode}'; use '{StandaloneMode}' or '{ClusterMode}'.");
        }
        return options;
    }

    public string RequireRedis() => Require(Redis, nameof(Redis));

    public string RequirePostgres() => Require(Postgres, nameof(Postgres));

    private static string Require(string? value, string name) => string.IsNullOrWhiteSpace(value)
        ? throw new InvalidOperationException($"Cluster mode needs {Section}:{name}.")
        : value;
}
