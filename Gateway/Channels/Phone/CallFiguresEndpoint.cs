using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Gateway.Limits;

namespace Switchboard.Gateway.Channels.Phone;

public static class CallFiguresEndpoint
{
    /// <summary>
    /// <c>GET /api/sites/{site}/calls/figures</c> (supervisors): per queue, waiting callers, answered, abandoned, the
    /// average answer time and callbacks pending.
    /// </summary>
    public static RouteGroupBuilder MapCallFigures(this RouteGroupBuilder admin)
    {
        admin.MapGet("/calls/figures", async (string site, SiteNames sites, IGrainFactory grains) =>
        {
            var config = await sites.FindAsync(site);
            if (config is null)
            {
                return Results.NotFound();
            }
            var figures = await Task.WhenAll(config.Queues.Select(q => grains.Grain<ICallFiguresGrain>(GrainKeys.CallFigures(site, q.Id)).GetFigures()));
            return Results.Ok(figures);
        });
        return admin;
    }
}
