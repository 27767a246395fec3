using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Monitoring;

public static class MonitorEndpoints
{
    /// <summary><c>GET /api/sites/{site}/monitor</c>: the live snapshot, for supervisors of the site.</summary>
    public static RouteGroupBuilder MapMonitor(this RouteGroupBuilder site)
    {
        site.MapGet("/monitor", async (string site, SiteMonitor monitor) =>
            await monitor.SnapshotAsync(site) is { } snapshot ? Results.Ok(snapshot) : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor));
        return site;
    }
}
