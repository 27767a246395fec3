using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.LoadTests.Scenarios;

namespace Switchboard.LoadTests.Echo;

/// <summary>
/// The same-run baseline: raw Kestrel with ASP.NET Core's WebSocket middleware (same keep-alive as the gateway),
/// bouncing every text frame back as it came. No JSON, no grains, no storage: what a socket costs by itself.
/// The relay path answers each frame three times, the frames a chat message costs (an <c>ack</c>, the sender's copy,
/// the other side's copy) with nothing else done: the ceiling the protocol's frames alone put on the chat.
/// </summary>
public static class EchoServer
{
    public const string ReadyPath = "/ready";

    private const int ReceiveChunk = 4096;

    /// <summary>Starts on <paramref name="url"/> (port 0 picks a free one); the returned app knows its address.</summary>
    public static async Task<WebApplication> StartAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var uri = new Uri(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(uri.Host), uri.Port));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map(EchoRoundTrips.Path, http => BounceAsync(http, copies: 1));
        app.Map(RelayRoundTrips.Path, http => BounceAsync(http, RelayRoundTrips.Copies));
        app.MapGet(ReadyPath, () => "ready");
        await app.StartAsync();
        return app;
    }

    /// <summary>Where a started echo server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task BounceAsync(HttpContext http, int copies)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[ReceiveChunk];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), http.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                for (var copy = 0; copy < copies; copy++)
                {
                    await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
        }
    }
}
