using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Scenarios;

/// <summary>
/// The frames' ceiling: the visitor's message frame sent to the echo server's relay path, which answers it
/// <see cref="Copies"/> times, and the round trip done when the last copy is in and parsed. Per message that is what
/// the chat's sockets carry at each end (one frame in, three out at the server; the reverse at the client) with no
/// grain, storage or fan-out behind it.
/// </summary>
public static class RelayRoundTrips
{
    public const string Path = "/ws/relay";
    public const string Step = "relay round trip";

    /// <summary>A chat message's frames out: the sender's <c>ack</c> and own copy, and the other side's copy.</summary>
    public const int Copies = 3;

    public static Scenario Create(string name, EchoPool pool, TimeSpan warmUp, LoadSimulation load) =>
        EchoRoundTrips.Create(name, pool, warmUp, load, Copies, Step);
}
