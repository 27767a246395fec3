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
    public IEnumerable<RunResult> Runs => new[] { IdleRaw?.Run, IdleVisitors?.Run, EchoThroughput, ChatThroughput, EchoAtRate, ChatAtRate, Starts, Mixed, Invited?.Run }.OfType<RunResult>();
}
