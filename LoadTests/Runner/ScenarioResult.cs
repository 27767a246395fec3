namespace Switchboard.LoadTests.Runner;

/// <summary>A scenario's figures: iterations, its steps (measured after the warm-up) and its init steps.</summary>
public sealed record ScenarioResult(
    string Name,
    string Load,
    TimeSpan Measured,
    long IterationsOk,
    long IterationsFailed,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<StepResult> InitSteps)
{
    public StepResult? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);

    public long Failures => IterationsFailed + Steps.Sum(s => s.Failed) + InitSteps.Sum(s => s.Failed);
}
