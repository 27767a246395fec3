namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Defence in depth for the pages we serve: no inline or foreign script, no MIME sniffing, no framing, connections only
/// back to this gateway, no referrer, and HSTS once a client came over HTTPS. The widget and console already render
/// visitor text as text; this stops anything that slips through. Only the gateway's own pages: on a retailer's site
/// the widget lives under the retailer's policy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The console's pages: every style is a stylesheet of its own, so none inline is allowed.</summary>
    public const string ConsolePath = "/console";

    public const string StrictTransportSecurity = "max-age=31536000";

    // Not async: a socket's request lasts as long as the socket, and this has nothing to do once it is handed on.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // A socket's handshake answer is no page: nothing of these applies to it.
        if (context.WebSockets.IsWebSocketRequest)
        {
            return next(context);
        }
        context.Response.OnStarting(() =>
        {
            var (request, headers) = (context.Request, context.Response.Headers);
            headers.XContentTypeOptions = "nosniff";
            // Console URLs name conversations and visitors: nothing of them leaves with a link.
            headers["Referrer-Policy"] = "no-referrer";
            if (request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            // A page with a policy of its own (the co-browsing view, CoBrowsing/) keeps it.
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true && headers.ContentSecurityPolicy.Count == 0)
            {
                headers.ContentSecurityPolicy = PolicyFor(request);
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// The content security policy of a page. Its sockets and requests go to this host only (named with ws/wss, which
    /// older browsers do not count as 'self'). Inline styles only outside the console: the demo shop's pages carry the
    /// widget, whose stylesheet lives in its shadow root, and the Orleans Dashboard's pages are its own.
    /// Fonts may be data: URLs: the dashboard's stylesheet inlines its text font that way.
    /// </summary>
    public static string PolicyFor(HttpRequest request)
    {
        var host = request.Host.Value;
        var styles = request.Path.StartsWithSegments(ConsolePath) ? "'self'" : "'self' 'unsafe-inline'";
        // The API reference page (ApiReference/) starts its script inline, marked with a fresh nonce per response.
        var nonce = request.HttpContext.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string value ? $" 'nonce-{value}'" : "";
        return $"default-src 'self'; script-src 'self'{nonce}; style-src {styles}; img-src 'self' data:; font-src 'self' data:; "
            + $"connect-src 'self' ws://{host} wss://{host}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
