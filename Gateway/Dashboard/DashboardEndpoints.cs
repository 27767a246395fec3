using Orleans.Dashboard;
using Switchboard.Contracts.Sites;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Dashboard;

/// <summary>
/// The Orleans Dashboard's pages and JSON at <c>Dashboard:Path</c>, for the operations account only: it shows every
/// site's grains and load, which is no one site's supervisor's business (<see cref="Auth.OperationsAccount"/>).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The dashboard's call that reads any grain's state by reflection, given its type and key.</summary>
    private const string GrainStatePath = "/GrainState";

    public static IEndpointRouteBuilder MapClusterDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.ServiceProvider.GetRequiredService<ClusterDashboardOptions>();
        if (!dashboard.Enabled)
        {
            return app;
        }
        app.MapOrleansDashboard(dashboard.Path)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Operations))
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.StartsWithSegments(dashboard.Path + GrainStatePath)
                    ? RefuseGrainState()
                    : await next(context));
        return app;
    }

    /// <summary>
    /// Grain state holds visitors' messages and contacts, and sites' settings and password hashes, which not even
    /// operations needs to read through a web page: the dashboard's grain state page stays empty.
    /// </summary>
    private static IResult RefuseGrainState() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Reading grain state through the dashboard is turned off: it would show visitors' data and other sites' settings.");
}
