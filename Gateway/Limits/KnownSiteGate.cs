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

    // Only a route naming a site waits here; every other request (the sockets' among them, which last as long as the
    // socket) is handed on without this staying on its stack.
    public static IApplicationBuilder UseKnownSites(this IApplicationBuilder app) => app.Use((http, next) =>
        http.GetRouteValue(RouteValue) is string site ? RefuseUnknownAsync(http, next, site) : next(http));

    private static async Task RefuseUnknownAsync(HttpContext http, RequestDelegate next, string site)
    {
        if (!await http.RequestServices.GetRequiredService<SiteNames>().ExistsAsync(site))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { code = ErrorCodes.NotFound, title = "No such site." });
            return;
        }
        await next(http);
    }
}
