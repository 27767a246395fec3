using System.Text.Json;
using Switchboard.Tests.Infrastructure;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Tests.Gateway;

/// <summary>Opens visitor and operator sockets on a gateway the way the widget and console do.</summary>
public static class ChatPeers
{
    public static async Task<(TestSocket Socket, JsonElement Welcome)> VisitorAsync(GatewayHost host, string site, object? hello = null)
    {
        var socket = await TestSocket.ConnectAsync(host.WebSocketUri($"/ws/visitor?site={site}"));
        await socket.SendAsync(hello ?? new { type = "hello" });
        return (socket, await socket.ExpectAsync("welcome"));
    }

    /// <summary>An operator's console: logged in, welcomed, and online.</summary>
    public static async Task<(TestSocket Socket, JsonElement Welcome)> OnlineOperatorAsync(
        GatewayHost host, string site, string login, object? hello = null, string password = TestSites.Password)
    {
        var token = await host.LoginAsync(site, login, password);
        var socket = await TestSocket.ConnectAsync(await host.OperatorSocketUriAsync(token));
        await socket.SendAsync(hello ?? new { type = "hello" });
        var welcome = await socket.ExpectAsync("welcome");
        await socket.SendAsync(new StatusFrame("online"), WireContext.Default.StatusFrame);
        await socket.ExpectAsync("status", f => f.GetProperty("status").GetString() == "online");
        return (socket, welcome);
    }

    public static long Seq(this JsonElement frame) => frame.GetProperty("seq").GetInt64();

    public static string Str(this JsonElement frame, string name) => frame.GetProperty(name).GetString()!;
}
