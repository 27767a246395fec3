namespace Switchboard.Gateway.Storefront;

/// <summary>The demo storefront's pages (the files live in wwwroot; product pages share one file).</summary>
public static class StorefrontEndpoints
{
    public static IEndpointRouteBuilder MapStorefront(this IEndpointRouteBuilder app)
    {
        app.MapGet("/product/{id}", (IWebHostEnvironment env) => Page(env, "product.html"));
        app.MapGet("/cart", (IWebHostEnvironment env) => Page(env, "cart.html"));
        app.MapGet("/checkout", (IWebHostEnvironment env) => Page(env, "checkout.html"));
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string file) =>
        Results.File(env.WebRootFileProvider.GetFileInfo(file).CreateReadStream(), "text/html; charset=utf-8");
}
