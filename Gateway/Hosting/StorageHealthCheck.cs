using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Grains.Storage;

namespace Switchboard.Gateway.Hosting;

/// <summary>Ready when the event log can be read (standalone: the SQLite file).</summary>
public sealed class StorageHealthCheck(IEventLog log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await log.IsReachableAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No schema.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("The event log cannot be read.", error);
        }
    }
}
