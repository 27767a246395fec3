using Switchboard.Contracts;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// Every route that names a site (<c>/api/sites/{site}/…</c>, <c>/hooks/…/{site}</c>): a name that is no site is
/// answered 404 here, before authentication and before any endpoint asks a grain, so no grain is activated for it.
/// The sockets and the sign-in, which take the site from a query or a body, ask <see cref="SiteNames"/> themselves.
/// </summary>
public static class KnownSiteGate
{
    public const string RouteValue = "site";

    public static IApplicationBuilder UseKnownSites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetRouteValue(RouteValue) is string site && !await http.RequestServices.GetRequiredService<SiteNames>().ExistsAsync(site))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { code = ErrorCodes.NotFound, title = "No such site." });
            return;
        }
        await next(http);
    });
}
