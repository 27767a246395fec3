using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.Widget;

/// <summary>Serves the widget retailers embed, /widget.js, joined from its parts in Gateway/Widget.</summary>
public static class WidgetEndpoints
{
    public const string Path = "/widget.js";

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        var script = JoinedFile.Join(typeof(WidgetEndpoints).Assembly, "widget/", "text/javascript");
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], script.Serve);
        return app;
    }
}
