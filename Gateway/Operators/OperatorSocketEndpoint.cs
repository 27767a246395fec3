using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.Monitoring;
using Switchboard.Gateway.Sockets;
using Switchboard.Wire;

namespace Switchboard.Gateway.Operators;

public static class OperatorSocketEndpoint
{
    public static IEndpointRouteBuilder MapOperatorSocket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ws/operator", Accept).RequireAuthorization();
        return app;
    }

    private static async Task Accept(
        HttpContext http, IGrainFactory grains, OperatorWorkbench workbench, MonitorFeed monitor, CoBrowseFrames coBrowsing,
        CoBrowseViewers viewers, IOptions<GatewaySettings> options, ILogger<OperatorSession> logger)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await SocketRefusal.WriteAsync(http, 400, "This endpoint takes WebSocket connections.");
            return;
        }
        var identity = http.User.Identity();
        if (identity.Site == OperationsAccount.Site)
        {
            await SocketRefusal.WriteAsync(http, 403, "The operations account has no console; it opens the cluster dashboard.");
            return;
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(identity.Site)).GetConfig();
        if (config?.FindOperator(identity.Login) is null)
        {
            await SocketRefusal.WriteAsync(http, 403, "This account no longer exists.");
            return;
        }
        if (!OriginPolicy.IsAllowed(http.Request.Headers.Origin, http.Request.Host, config.AllowedOrigins))
        {
            await SocketRefusal.WriteAsync(http, 403, "This origin may not open the console.");
            return;
        }
        var actor = identity.ToActor();
        await SocketSessions.RunAsync(http, http.RequestServices, Audience.Operator, Events, options.Value, logger,
            connection => new OperatorSession(identity, connection, workbench, monitor, options.Value, logger) { CoBrowsing = coBrowsing, Viewers = viewers });

        Task<IReadOnlyList<ConversationEvent>> Events(string key, long after) =>
            grains.Grain<IConversationGrain>(key).GetEvents(actor, after, 1000);
    }
}
