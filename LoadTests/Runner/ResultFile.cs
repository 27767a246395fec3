using System.Text;
using System.Text.Json;
using HdrHistogram;
using Switchboard.LoadTests.Monitoring;

namespace Switchboard.LoadTests.Runner;

/// <summary>
/// A run's figures as a file, so a load-client process can hand them to the process that writes the report:
/// JSON, with each step's histogram in HdrHistogram's own log format, so merged percentiles stay exact.
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

    private static StepFile ToFile(StepResult step)
    {
        using var stream = new MemoryStream();
        HistogramLogWriter.Write(stream, DateTime.UnixEpoch, step.Latency);
        return new StepFile(step.Name, step.Ok, step.Failed, step.Measured, Encoding.UTF8.GetString(stream.ToArray()), step.Errors, step.Series);
    }

    private static StepResult FromFile(StepFile step)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(step.Histogram));
        var latency = HistogramLogReader.Read(stream).FirstOrDefault() ?? new LongHistogram(1, StepStats.MaxMicros, 3);
        return new StepResult(step.Name, step.Ok, step.Failed, step.Measured, latency, step.Errors, step.Series);
    }

    private sealed record RunFile(string Title, DateTimeOffset Started, TimeSpan Elapsed, List<ScenarioFile> Scenarios);

    private sealed record ScenarioFile(string Name, string Load, TimeSpan Measured, long IterationsOk, long IterationsFailed, List<StepFile> Steps, List<StepFile> InitSteps);

    private sealed record StepFile(string Name, long Ok, long Failed, TimeSpan Measured, string Histogram, IReadOnlyDictionary<string, int> Errors, IReadOnlyList<SecondPoint> Series);
}
