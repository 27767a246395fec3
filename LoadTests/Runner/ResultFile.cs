using System.Text.Json;
using HdrHistogram;
using Switchboard.LoadTests.Monitoring;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// A run's figures as a file, so a load-client process can hand them to the process that writes the report:
/// JSON, with each step's histogram as its recorded values and counts, so merged percentiles stay exact.
/// </summary>
public static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(RunResult run, string path)
    {
        var file = new RunFile(run.Title, run.Started, run.Elapsed, run.Scenarios.Select(s => new ScenarioFile(
            s.Name, s.Load, s.Measured, s.IterationsOk, s.IterationsFailed, s.Steps.Select(ToFile).ToList(), s.InitSteps.Select(ToFile).ToList())).ToList());
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(file, Json));
    }

    public static async Task<RunResult> ReadAsync(string path)
    {
        var file = JsonSerializer.Deserialize<RunFile>(await File.ReadAllTextAsync(path), Json)!;
        return new RunResult(file.Title, file.Started, file.Elapsed, file.Scenarios.Select(s => new ScenarioResult(
            s.Name, s.Load, s.Measured, s.IterationsOk, s.IterationsFailed, s.Steps.Select(FromFile).ToList(), s.InitSteps.Select(FromFile).ToList())).ToList(),
            Array.Empty<ProcessSummary>());
    }

    private static StepFile ToFile(StepResult step) => new(
        step.Name, step.Ok, step.Failed, step.Measured,
        step.Latency.RecordedValues().Select(v => new[] { v.ValueIteratedTo, v.CountAddedInThisIterationStep }).ToList(),
        step.Errors, step.Series);

    private static StepResult FromFile(StepFile step)
    {
        var latency = new LongHistogram(1, StepStats.MaxMicros, 3);
        foreach (var pair in step.Histogram)
        {
            latency.RecordValueWithCount(pair[0], pair[1]);
        }
        return new StepResult(step.Name, step.Ok, step.Failed, step.Measured, latency, step.Errors, step.Series);
    }

    private sealed record RunFile(string Title, DateTimeOffset Started, TimeSpan Elapsed, List<ScenarioFile> Scenarios);

    private sealed record ScenarioFile(string Name, string Load, TimeSpan Measured, long IterationsOk, long IterationsFailed, List<StepFile> Steps, List<StepFile> InitSteps);

    private sealed record StepFile(string Name, long Ok, long Failed, TimeSpan Measured, List<long[]> Histogram, IReadOnlyDictionary<string, int> Errors, IReadOnlyList<SecondPoint> Series);
}
