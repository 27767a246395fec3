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
    /// <summary>Middleware in order: errors as problem details, headers, static files, sockets (admitted per client address), made-up site names refused, auth.</summary>
    public static WebApplication UseSwitchboardGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseSocketAdmission();
        app.UseKnownSites();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
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
