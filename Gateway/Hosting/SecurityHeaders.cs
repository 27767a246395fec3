namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Defence in depth for the pages we serve: no inline or foreign script, no MIME sniffing, no framing.
/// The widget and console already render visitor text as text; this stops anything that slips through.
/// </summary>
public static class SecurityHeaders
{
    // Fonts may be data: URLs: the Orleans Dashboard's stylesheet inlines its text font that way.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
