namespace Switchboard.Gateway.Widget;

/// <summary>Serves the joined widget at /widget.js, with an ETag so browsers revalidate instead of downloading it again.</summary>
public static class WidgetEndpoints
{
    public const string Path = "/widget.js";

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        var script = WidgetScript.Join(typeof(WidgetScript).Assembly);
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head],
            () => Results.Bytes(script.Content, "text/javascript", entityTag: script.ETag));
        return app;
    }
}
