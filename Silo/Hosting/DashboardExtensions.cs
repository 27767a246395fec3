using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Switchboard.Silo.Hosting;

/// <summary>
/// Adds the Orleans Dashboard to a silo (its grains, and the profiling filter on every grain call) or to a
/// gateway that is an Orleans client (what serves the pages), when <c>Dashboard:Enabled</c> is true.
/// </summary>
public static class DashboardExtensions
{
    public static ISiloBuilder AddSwitchboardDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        ClusterDashboardOptions.From(configuration).Enabled
            ? silo.AddDashboard(options => Configure(options, configuration))
            : silo;

    public static IClientBuilder AddSwitchboardDashboard(this IClientBuilder client, IConfiguration configuration) =>
        ClusterDashboardOptions.From(configuration).Enabled
            ? client.AddDashboard(options => Configure(options, configuration))
            : client;

    private static void Configure(DashboardOptions options, IConfiguration configuration)
    {
        configuration.GetSection(ClusterDashboardOptions.Section).Bind(options);
        // Never from configuration: the live log stream would send every log line, with visitors' names,
        // messages and addresses, to whoever has the page open.
        options.HideTrace = true;
    }
}
