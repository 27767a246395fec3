using Switchboard.Contracts;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// Before any WebSocket is accepted (and before its endpoint asks a grain anything): the client address's connection
/// rate and open sockets. A refused handshake gets 429; the widget retries with backoff.
/// </summary>
public static class SocketAdmission
{
    public static IApplicationBuilder UseSocketAdmission(this IApplicationBuilder app) => app.Use((http, next) =>
        http.WebSockets.IsWebSocketRequest ? AdmitAsync(http, next) : next(http));

    private static async Task AdmitAsync(HttpContext http, RequestDelegate next)
    {
        var guard = http.RequestServices.GetRequiredService<AddressGuard>();
        using var slot = guard.TryOpenSocket(AddressGuard.KeyOf(http.Connection.RemoteIpAddress));
        if (slot is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "10";
            await http.Response.WriteAsJsonAsync(new { code = ErrorCodes.RateLimited, title = "Too many connections from this address." });
            return;
        }
        // The socket lives inside this request: the slot is held until it closes.
        await next(http);
    }
}
