namespace Switchboard.Gateway.Sockets;

/// <summary>
/// A socket handshake refused with problem details. The socket endpoints write their refusals themselves and return a
/// plain task: an endpoint returning a result is awaited by one more frame of ASP.NET Core's, which a socket's request
/// would hold for the socket's whole life.
/// </summary>
public static class SocketRefusal
{
    public static Task WriteAsync(HttpContext http, int status, string title) =>
        TypedResults.Problem(statusCode: status, title: title).ExecuteAsync(http);
}
