using Microsoft.Extensions.Configuration;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// The <c>Dashboard</c> configuration section: the Orleans Dashboard on every silo and gateway, for supervisors.
/// The same section also tunes Orleans' own <c>DashboardOptions</c> (<c>CounterUpdateIntervalMs</c>,
/// <c>HistoryLength</c>); see <see cref="DashboardExtensions"/>.
/// </summary>
public sealed class ClusterDashboardOptions
{
    public const string Section = "Dashboard";
    public const string DefaultPath = "/dashboard";

    /// <summary>
    /// On by default. It costs a grain-call filter that times every grain call on every silo; set it the same on
    /// silos and gateways (a gateway's dashboard asks the silos' dashboard grains).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the gateways serve the dashboard, and the path its sign-in cookie is scoped to.</summary>
    public string Path { get; set; } = DefaultPath;

    public static ClusterDashboardOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<ClusterDashboardOptions>() ?? new ClusterDashboardOptions();
        options.Path = NormalizePath(options.Path);
        return options;
    }

    /// <summary>One leading slash, no trailing one: the form cookie paths and route prefixes both accept.</summary>
    public static string NormalizePath(string? path)
    {
        var trimmed = (path ?? "").Trim().Trim('/');
        if (trimmed.Length == 0)
        {
            // At the root the dashboard's cookie would go with every request to the gateway.
            throw new InvalidOperationException($"{Section}:{nameof(Path)} must name a path such as '{DefaultPath}', not the root.");
        }
        return "/" + trimmed;
    }
}
