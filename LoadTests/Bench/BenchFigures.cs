using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Bench;

/// <summary>The runs of the standard benchmark that the headline figures come from; null for a part left out with <c>--only</c>.</summary>
public sealed record BenchFigures(
    BenchSettings Settings,
    IdleResult? IdleRaw,
    IdleResult? IdleVisitors,
    RunResult? EchoThroughput,
    RunResult? ChatThroughput,
    RunResult? EchoAtRate,
    RunResult? ChatAtRate,
    RunResult? Starts,
    RunResult? Mixed,
    IdleResult? Invited)
{
    /// <summary>The echo baseline at the messenger rate, and the messenger run beside it (<c>--only messenger</c>).</summary>
    public RunResult? EchoAtMessengerRate { get; init; }
    public RunResult? Messenger { get; init; }

    /// <summary>The echo server answering each frame with a chat message's three (the frames' ceiling), beside the throughput runs.</summary>
    public RunResult? RelayThroughput { get; init; }

    public IEnumerable<RunResult> Runs => new[] { IdleRaw?.Run, IdleVisitors?.Run, EchoThroughput, RelayThroughput, ChatThroughput, EchoAtRate, ChatAtRate, Starts, Mixed, EchoAtMessengerRate, Messenger, Invited?.Run }.OfType<RunResult>();
}
