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
    public ScenarioResult Scenario(string name) => Scenarios.First(s => s.Name == name);

    public long Failures => Scenarios.Sum(s => s.Failures);
}
