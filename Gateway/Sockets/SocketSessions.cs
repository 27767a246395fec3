using Microsoft.Extensions.Options;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Telemetry;
using Switchboard.Wire;

namespace Switchboard.Gateway.Sockets;

/// <summary>Accepts a WebSocket and runs one session on it until it closes.</summary>
public static class SocketSessions
{
    /// <param name="services">
    /// Where the socket's singletons are taken from: the application's root for the visitor socket, whose request would
    /// otherwise be given a service scope living as long as the socket; an operator's request has one anyway.
    /// </param>
    public static async Task RunAsync(
        HttpContext http, IServiceProvider services, Audience audience, EventSource events, GatewaySettings options, ILogger logger,
        Func<SocketConnection, ISocketSession> createSession)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket, audience, events, options,
            services.GetRequiredService<IOptions<ClientLimits>>().Value, services.GetRequiredService<TimeProvider>(), logger,
            services.GetRequiredService<Attachments.AttachmentLinks>().Sign);
        // A gateway that is shutting down tells this socket to reconnect elsewhere after its queued frames.
        using var tracked = services.GetRequiredService<SocketDrain>().Track(connection);
        using var counted = services.GetRequiredService<GatewayMetrics>().SocketOpened(audience);
        var session = createSession(connection);
        try
        {
            await connection.RunAsync(session.HandleAsync, http.RequestAborted);
        }
        finally
        {
            session.End();
        }
    }
}
