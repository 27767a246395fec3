using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// The baseline: the same frame a visitor sends with a message (same size, same probe), bounced by the raw
/// Kestrel echo server and parsed by the same client code. Closed or open, like the chat scenario it stands beside.
/// </summary>
public static class EchoRoundTrips
{
    public const string Path = "/ws/echo";
    public const string Step = "echo round trip";

    /// <param name="answers">How many copies of the frame come back before the round trip is done (the relay's three).</param>
    public static Scenario Create(string name, EchoPool pool, TimeSpan warmUp, LoadSimulation load, int answers = 1, string step = Step) =>
        Scenario.Create(name, async context =>
            {
                var index = load.IsOpen ? (int)(context.Invocation % pool.Sockets.Count) : context.Copy % pool.Sockets.Count;
                var socket = pool.Sockets[index];
                var id = ClientIds.Next('e');
                var seen = 0;
                // Called under the socket's lock for each frame in turn, so the count needs no more.
                await context.StepAsync(step, () => socket.RequestAsync(
                    WireFrames.VisitorMessage(id, Probe.Stamp("Do you ship to Lyon?")), "echo", f => f.Id == id && ++seen == answers));
            })
            .WithInit(pool.OpenAsync)
            .WithClean(pool.CloseAsync)
            .WithWarmUp(warmUp)
            .WithLoad(load);
}
