using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.ConsolePage;

/// <summary>
/// Serves the operator console's page, joined from its parts in Gateway/ConsolePage, where a default document
/// would: at /console/ and /console/index.html, with /console sent on to /console/ so its relative links resolve.
/// The console's scripts and styles stay static files in wwwroot/console.
/// </summary>
public static class ConsolePageEndpoints
{
    public const string Path = "/console/";

    public static IEndpointRouteBuilder MapConsolePage(this IEndpointRouteBuilder app)
    {
        var page = JoinedFile.Join(typeof(ConsolePageEndpoints).Assembly, "console-page/", "text/html");
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        // Routing ignores a trailing slash, so /console and /console/ both arrive here.
        app.MapMethods("/console", methods, (HttpRequest request) => request.Path.Value!.EndsWith('/')
            ? page.Serve()
            : Results.Redirect(Path + request.QueryString, permanent: true));
        app.MapMethods(Path + "index.html", methods, page.Serve);
        return app;
    }
}
