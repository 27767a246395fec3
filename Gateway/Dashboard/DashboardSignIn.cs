using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Dashboard;

/// <summary>
/// How a browser gets into the dashboard. A page opened in a tab cannot send the console's
/// <c>Authorization</c> header, so the operations account's sign-in also sets its token as an HttpOnly cookie scoped
/// to the dashboard's path, and that cookie is accepted there and nowhere else.
/// </summary>
public sealed class DashboardSignIn(ClusterDashboardOptions dashboard, IOptions<GatewaySettings> gateway)
{
    public const string CookieName = "switchboard_dashboard";

    /// <summary>Where a browser without the cookie is sent: the console's sign-in sets it.</summary>
    public const string ConsoleSignIn = "/console/";

    /// <summary>
    /// Sets the cookie for the operations account and returns where the dashboard is; for anyone else clears a cookie
    /// operations may have left in this browser (a shared desk) and returns null.
    /// </summary>
    public string? SignIn(HttpContext http, OperatorIdentity identity, string token)
    {
        if (!dashboard.Enabled)
        {
            return null;
        }
        if (identity.Role != Roles.Operations)
        {
            SignOut(http);
            return null;
        }
        http.Response.Cookies.Append(CookieName, token, CookieOptions(http, gateway.Value.OperatorTokenLifetime));
        return dashboard.Path;
    }

    /// <summary>The cookie is HttpOnly, so only a response can take it out of the browser.</summary>
    public void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, CookieOptions(http, maxAge: null));

    /// <summary>The token in the cookie, read only for requests to the dashboard itself.</summary>
    public string? ReadToken(HttpRequest request) => IsForDashboard(request) ? request.Cookies[CookieName] : null;

    /// <summary>
    /// A browser opening a dashboard page (it asks for HTML), as opposed to the dashboard's own calls for JSON,
    /// which keep their 401 like every other API.
    /// </summary>
    public bool IsPageRequest(HttpRequest request) =>
        IsForDashboard(request)
        && HttpMethods.IsGet(request.Method)
        && request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private bool IsForDashboard(HttpRequest request) => dashboard.Enabled && request.Path.StartsWithSegments(dashboard.Path);

    private CookieOptions CookieOptions(HttpContext http, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        // Never sent with a request another site starts, so no other page can make the browser call the dashboard.
        SameSite = SameSiteMode.Strict,
        // Behind a TLS-terminating proxy IsHttps comes from X-Forwarded-Proto (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
        Secure = http.Request.IsHttps,
        Path = dashboard.Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
