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

    private static async Task<IResult> Accept(
        HttpContext http, IGrainFactory grains, OperatorWorkbench workbench, MonitorFeed monitor, CoBrowseFrames coBrowsing,
        CoBrowseViewers viewers, IOptions<GatewaySettings> options, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: 400, title: "This endpoint takes WebSocket connections.");
        }
        var identity = http.User.Identity();
        if (identity.Site == OperationsAccount.Site)
        {
            return TypedResults.Problem(statusCode: 403, title: "The operations account has no console; it opens the cluster dashboard.");
        }
        var config = await grains.Grain<ISiteGrain>(GrainKeys.Site(identity.Site)).GetConfig();
        if (config?.FindOperator(identity.Login) is null)
        {
            return TypedResults.Problem(statusCode: 403, title: "This account no longer exists.");
        }
        if (!OriginPolicy.IsAllowed(http.Request.Headers.Origin, http.Request.Host, config.AllowedOrigins))
        {
            return TypedResults.Problem(statusCode: 403, title: "This origin may not open the console.");
        }
        var actor = identity.ToActor();
        var logger = loggers.CreateLogger<OperatorSession>();
        return await SocketSessions.RunAsync(http, Audience.Operator, Events, options.Value, logger,
            connection => new OperatorSession(identity, connection, workbench, monitor, options.Value, logger) { CoBrowsing = coBrowsing, Viewers = viewers });

        Task<IReadOnlyList<ConversationEvent>> Events(string key, long after) =>
            grains.Grain<IConversationGrain>(key).GetEvents(actor, after, 1000);
    }
}
