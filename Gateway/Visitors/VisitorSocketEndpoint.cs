using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.Contacts;
using Switchboard.Gateway.Hosting;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;

namespace Switchboard.Gateway.Visitors;

public static class VisitorSocketEndpoint
{
    public static IEndpointRouteBuilder MapVisitorSocket(this IEndpointRouteBuilder app)
    {
        // Visitors authenticate inside the socket (their token in the hello frame), not with the request. Its services
        // are the application's singletons, taken from the root: asking the request for them would make it a service
        // scope that lives as long as the socket.
        var services = app.ServiceProvider;
        app.MapGet("/ws/visitor", (HttpContext http, string? site) => Accept(http, site, services)).WithMetadata(WithoutHttpAuthentication.Instance);
        return app;
    }

    private static async Task Accept(HttpContext http, string? site, IServiceProvider services)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await SocketRefusal.WriteAsync(http, 400, "This endpoint takes WebSocket connections.");
            return;
        }
        if (string.IsNullOrEmpty(site) || await services.GetRequiredService<SiteNames>().FindAsync(site) is not { } config)
        {
            await SocketRefusal.WriteAsync(http, 404, "No such site.");
            return;
        }
        if (!OriginPolicy.IsAllowed(http.Request.Headers.Origin, http.Request.Host, config.AllowedOrigins))
        {
            await SocketRefusal.WriteAsync(http, 403, "This origin may not open chats for this site.");
            return;
        }
        var desk = services.GetRequiredService<ContactDesk>();
        var tokens = services.GetRequiredService<TokenService>();
        var identities = services.GetRequiredService<IdentityVerifier>();
        var presence = services.GetRequiredService<VisitorPresenceBoard>();
        var allowance = services.GetRequiredService<VisitorAllowance>();
        var coBrowsing = services.GetRequiredService<CoBrowseFrames>();
        var options = services.GetRequiredService<IOptions<GatewaySettings>>().Value;
        var logger = services.GetRequiredService<ILogger<VisitorSession>>();
        var grains = services.GetRequiredService<IGrainFactory>();
        await SocketSessions.RunAsync(http, services, Audience.Visitor, Events, options, logger,
            connection => new VisitorSession(site, config, connection, desk, tokens, identities, presence, options, logger)
            {
                Allowance = allowance, Address = AddressGuard.KeyOf(http.Connection.RemoteIpAddress), CoBrowsing = coBrowsing,
            });

        // The socket only ever follows conversations the grain already authorized it for (its own start,
        // or a resume the grain accepted), so its catch-up reads need no second check.
        Task<IReadOnlyList<ConversationEvent>> Events(string key, long after) =>
            grains.Grain<IConversationGrain>(key).GetEvents(Actor.System(site), after, 1000);
    }
}
