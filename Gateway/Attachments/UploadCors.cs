using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// The widget uploads from the retailer's pages, another origin than the gateway's: the site's allowed origins (the
/// same rule as for its sockets) may send an upload with an <c>Authorization</c> header, and no one else's page.
/// </summary>
public static class UploadCors
{
    public static async Task<bool> AllowAsync(HttpContext http, string site, SiteNames sites)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        // Through the site names: a made-up site's preflight activates nothing.
        var config = await sites.FindAsync(site);
        if (config is null || !OriginPolicy.IsAllowed(origin, http.Request.Host, config.AllowedOrigins))
        {
            return false;
        }
        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowHeaders = "authorization";
        headers.AccessControlAllowMethods = "POST";
        headers.AccessControlMaxAge = "600";
        headers.Vary = "Origin";
        return true;
    }
}
