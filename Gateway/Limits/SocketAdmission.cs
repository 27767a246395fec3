using Switchboard.Contracts;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// Before any WebSocket is accepted (and before its endpoint asks a grain anything): the client address's connection
/// rate and open sockets. A refused handshake gets 429; the widget retries with backoff.
/// </summary>
public static class SocketAdmission
{
    public static IApplicationBuilder UseSocketAdmission(this IApplicationBuilder app)
    {
        // The application's one guard, taken once: asking each socket's request for it would give the request a
        // service scope that lives as long as the socket.
        var guard = app.ApplicationServices.GetRequiredService<AddressGuard>();
        return app.Use((http, next) => http.WebSockets.IsWebSocketRequest ? Admit(http, next, guard) : next(http));
    }

    private static Task Admit(HttpContext http, RequestDelegate next, AddressGuard guard)
    {
        if (guard.TryOpenSocket(AddressGuard.KeyOf(http.Connection.RemoteIpAddress)) is not { } slot)
        {
            return RefuseAsync(http);
        }
        // The socket lives inside this request: the slot is held until it ends. Given back by the request rather than
        // by an await here, whose frame would live as long as the socket.
        http.Response.RegisterForDispose(slot);
        return next(http);
    }

    private static async Task RefuseAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "10";
        await http.Response.WriteAsJsonAsync(new { code = ErrorCodes.RateLimited, title = "Too many connections from this address." });
    }
}
