using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Sockets;

namespace Switchboard.Gateway.Visitors;

public static class VisitorSocketEndpoint
{
    public static IEndpointRouteBuilder MapVisitorSocket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ws/visitor", Accept);
        return app;
    }

    private static async Task<IResult> Accept(
        HttpContext http, string? site, IGrainFactory grains, PushHub hub, TokenService tokens,
        IOptions<GatewayOptions> options, SocketDrain drain, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: 400, title: "This endpoint takes WebSocket connections.");
        }
        if (string.IsNullOrEmpty(site) || await grains.GetGrain<ISiteGrain>(GrainKeys.Site(site)).GetConfig() is not { } config)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such site.");
        }
        if (!OriginPolicy.IsAllowed(http.Request.Headers.Origin, http.Request.Host, config.AllowedOrigins))
        {
            return TypedResults.Problem(statusCode: 403, title: "This origin may not open chats for this site.");
        }
        var logger = loggers.CreateLogger<VisitorSession>();
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket, Events, options.Value, logger);
        using var tracked = drain.Track(connection);
        var session = new VisitorSession(site, config, connection, hub, grains, tokens, options.Value, logger);
        try
        {
            await connection.RunAsync(session.HandleAsync, http.RequestAborted);
        }
        finally
        {
            session.End();
        }
        return Results.Empty;

        // The socket only ever follows conversations the grain already authorized it for (its own start,
        // or a resume the grain accepted), so its catch-up reads need no second check.
        Task<IReadOnlyList<ConversationEvent>> Events(string key, long after) =>
            grains.GetGrain<IConversationGrain>(key).GetEvents(Actor.System(site), after, 1000);
    }
}
