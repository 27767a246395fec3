using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Messaging;
using Orleans.Runtime;

namespace Switchboard.Gateway.Health;

/// <summary>
/// Cluster mode: ready only while the membership table (Redis) lists every silo the cluster runs on. The silos'
/// own view outlives the table (after Redis restarts empty they go on serving from it), but a silo missing from
/// the table cannot be declared dead when it fails, so until they have rejoined the cluster is not whole.
/// </summary>
public sealed class MembershipTableHealthCheck(IGatewayListProvider table, IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The provider lists the gateway endpoint of every silo whose entry says Active.
            var listed = await table.GetGatewaysAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Timeout, cancellationToken);
            return listed.Count >= active.Count && listed.Count > 0
                ? HealthCheckResult.Healthy($"{listed.Count} silo(s) in the membership table")
                : HealthCheckResult.Unhealthy($"The membership table lists {listed.Count} of the {active.Count} active silo(s); they rejoin by restarting.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("The membership table cannot be read.", error);
        }
    }
}
