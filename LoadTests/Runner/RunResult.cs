using Switchboard.LoadTests.Monitoring;

namespace Switchboard.LoadTests.Runner;

/// <summary>One run of the runner: its scenarios' figures and what the watched processes did meanwhile.</summary>
public sealed record RunResult(
    string Title,
    DateTimeOffset Started,
    TimeSpan Elapsed,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<ProcessSummary> Processes)
{
    /// <summary>What else the run measured, a sentence each (the server's garbage collections over the run).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ScenarioResult Scenario(string name) => Scenarios.First(s => s.Name == name);

    public long Failures => Scenarios.Sum(s => s.Failures);
}
