using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// Idle connections for the memory and concurrency figures. An idle visitor is a widget on an open page, as the
/// widget behaves: connected, hello answered with welcome, the page it is on reported, then silent (the page records a
/// visit and arms the visitor's invitation timer, so the figure is what a retailer's idle shoppers cost, not a bare
/// hello's). An idle raw socket is its baseline: connected to the echo server, one frame of the same size bounced,
/// then silent. Each copy holds its socket until the load ends.
/// </summary>
public static class IdleSockets
{
    public const string VisitorsName = "idle visitors";
    public const string RawName = "idle raw sockets";

    public static Scenario Visitors(Target target, string site, int count, TimeSpan ramp, TimeSpan hold, Action connected) =>
        Scenario.Create(VisitorsName, async context =>
            {
                await using var visitor = await context.StepAsync("connect", () => VisitorClient.ConnectAsync(target, site, context.StopToken));
                await context.StepAsync("hello", visitor.HelloAsync);
                var item = context.Invocation % 500;
                await context.StepAsync("page", () => visitor.PageAsync($"/product/item-{item}", $"Item {item}"));
                connected();
                await context.WaitForStopAsync();
                if (!visitor.IsOpen)
                {
                    context.Fail("held open", "the server closed the socket");
                }
            })
            .WithLoad(LoadSimulation.RampingConstant(count, ramp), LoadSimulation.KeepConstant(count, hold));

    public static Scenario Raw(Target target, int count, TimeSpan ramp, TimeSpan hold, Action connected) =>
        Scenario.Create(RawName, async context =>
            {
                await using var socket = await context.StepAsync("connect", () => WireSocket.ConnectAsync(target.WebSocket(EchoRoundTrips.Path), context.StopToken));
                var id = ClientIds.Next('h');
                await context.StepAsync("hello", () => socket.RequestAsync(WireFrames.VisitorMessage(id, "hello"), "echo", f => f.Id == id));
                connected();
                await context.WaitForStopAsync();
                if (!socket.IsOpen)
                {
                    context.Fail("held open", "the server closed the socket");
                }
            })
            .WithLoad(LoadSimulation.RampingConstant(count, ramp), LoadSimulation.KeepConstant(count, hold));
}
