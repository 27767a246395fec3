namespace Switchboard.Gateway.CoBrowsing;

/// <summary>
/// The empty page the console's co-browsing view is drawn into: a sandboxed frame (no scripts) whose content the
/// console writes from the visitor's snapshot. Its own policy lets the retailer's stylesheets, images and fonts load,
/// as they do for the visitor, and still runs no script and submits no form; only the console's own pages may frame it.
/// </summary>
public static class CoBrowseViewEndpoints
{
    public const string Path = "/cobrowse/view";

    public const string Policy = "default-src 'none'; script-src 'none'; style-src * 'unsafe-inline'; img-src * data:; font-src * data:; "
        + "media-src *; base-uri *; form-action 'none'; frame-ancestors 'self'";

    private const string Page = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>";

    public static IEndpointRouteBuilder MapCoBrowseView(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers.XFrameOptions = "SAMEORIGIN";
            return Results.Content(Page, "text/html; charset=utf-8");
        });
        return app;
    }
}
