using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Bench;

/// <summary>The runs of the standard benchmark that the headline figures come from.</summary>
public sealed record BenchFigures(
    BenchSettings Settings,
    IdleResult IdleRaw,
    IdleResult IdleVisitors,
    RunResult EchoThroughput,
    RunResult ChatThroughput,
    RunResult EchoAtRate,
    RunResult ChatAtRate,
    RunResult Starts,
    RunResult Mixed);
