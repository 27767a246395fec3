using Switchboard.Gateway.ApiReference;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.ConsolePage;
using Switchboard.Gateway.Channels;
using Switchboard.Gateway.Forms;
using Switchboard.Gateway.Channels.Phone;
using Switchboard.Gateway.Crm;
using Switchboard.Gateway.Dashboard;
using Switchboard.Gateway.Health;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Operators;
using Switchboard.Gateway.Sites;
using Switchboard.Gateway.Storefront;
using Switchboard.Gateway.Telemetry;
using Switchboard.Gateway.Transcripts;
using Switchboard.Gateway.Visitors;
using Switchboard.Gateway.Widget;

namespace Switchboard.Gateway.Hosting;

public static class GatewayPipeline
{
    /// <summary>
    /// Middleware in order: errors as problem details, sockets told apart, status pages (not for sockets), headers,
    /// static files, sockets admitted per client address, made-up site names refused, auth (not for an endpoint that
    /// authenticates its callers itself: the visitor socket). A socket's request holds every middleware it went through
    /// for the socket's life, so those that only look at the request on its way in hand it on without staying on its
    /// stack.
    /// </summary>
    public static WebApplication UseSwitchboardGateway(this WebApplication app)
    {
        // For sockets too: a handshake that fails because the cluster could not answer gets 503, which the widget and
        // the console retry (ClusterUnavailableHandler).
        app.UseExceptionHandler();
        // First of the rest: what follows tells a socket's request from a page's by it.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        // A socket's request has no page to answer with: it skips the status pages, which would wait out its life.
        app.UseWhen(http => !http.WebSockets.IsWebSocketRequest, pages => pages.UseStatusCodePages());
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSocketAdmission();
        app.UseKnownSites();
        app.UseAuthenticationUnlessSkipped();
        return app;
    }

    /// <summary>Authentication and authorization, passed by the endpoints marked <see cref="WithoutHttpAuthentication"/>.</summary>
    private static void UseAuthenticationUnlessSkipped(this WebApplication app)
    {
        var authenticated = ((IApplicationBuilder)app).New();
        authenticated.UseAuthentication();
        authenticated.UseAuthorization();
        // ASP.NET Core puts both in front of everything itself unless the app's own pipeline has them: the markers
        // they leave on the branch say it has (without them the known-site gate would answer after authentication).
        foreach (var (key, value) in authenticated.Properties)
        {
            ((IApplicationBuilder)app).Properties.TryAdd(key, value);
        }
        app.Use(next =>
        {
            authenticated.Run(next);
            var checkedFirst = authenticated.Build();
            return http => WithoutHttpAuthentication.Applies(http) ? next(http) : checkedFirst(http);
        });
    }

    /// <summary>Every endpoint of docs/protocol.md.</summary>
    public static WebApplication MapSwitchboard(this WebApplication app)
    {
        app.MapHealth();
        app.MapGatewayMetrics();
        app.MapAuth();
        app.MapTranscripts();
        app.MapAttachments();
        app.MapSites();
        app.MapChannelHooks();
        app.MapForms();
        app.MapVisitorSocket();
        app.MapOperatorSocket();
        app.MapStorefront();
        app.MapWidget();
        app.MapConsolePage();
        app.MapCoBrowseView();
        app.MapClusterDashboard();
        app.MapPhoneHook();
        app.MapApiReference();
        if (app.Services.GetRequiredService<CrmScope>().ServesDemoCrm)
        {
            // No CRM configured in the demo or in Development: the demo site's customer card works out of the box.
            app.MapDemoCrm();
        }
        return app;
    }
}
