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
        // Visitors authenticate inside the socket (their token in the hello frame), not with the request.
        app.MapGet("/ws/visitor", Accept).WithMetadata(WithoutHttpAuthentication.Instance);
        return app;
    }

    private static async Task Accept(
        HttpContext http, string? site, IGrainFactory grains, SiteNames sites, ContactDesk desk, TokenService tokens, IdentityVerifier identities,
        VisitorPresenceBoard presence, VisitorAllowance allowance, CoBrowseFrames coBrowsing, IOptions<GatewaySettings> options,
        ILogger<VisitorSession> logger)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await SocketRefusal.WriteAsync(http, 400, "This endpoint takes WebSocket connections.");
            return;
        }
        if (string.IsNullOrEmpty(site) || await sites.FindAsync(site) is not { } config)
        {
            await SocketRefusal.WriteAsync(http, 404, "No such site.");
            return;
        }
        if (!OriginPolicy.IsAllowed(http.Request.Headers.Origin, http.Request.Host, config.AllowedOrigins))
        {
            await SocketRefusal.WriteAsync(http, 403, "This origin may not open chats for this site.");
            return;
        }
        await SocketSessions.RunAsync(http, Audience.Visitor, Events, options.Value, logger,
            connection => new VisitorSession(site, config, connection, desk, tokens, identities, presence, options.Value, logger)
            {
                Allowance = allowance, Address = AddressGuard.KeyOf(http.Connection.RemoteIpAddress), CoBrowsing = coBrowsing,
            });

        // The socket only ever follows conversations the grain already authorized it for (its own start,
        // or a resume the grain accepted), so its catch-up reads need no second check.
        Task<IReadOnlyList<ConversationEvent>> Events(string key, long after) =>
            grains.Grain<IConversationGrain>(key).GetEvents(Actor.System(site), after, 1000);
    }
}
