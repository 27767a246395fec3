using System.Text;
using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Reports;

/// <summary>The report as Markdown: set-up, headlines against targets, then each run's steps and processes.</summary>
public static class MarkdownReport
{
    public static string Render(Report report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {report.Title}").AppendLine();
        md.AppendLine($"Run at {report.At:yyyy-MM-dd HH:mm} UTC.").AppendLine();
        md.AppendLine("| set-up | |").AppendLine("|---|---|");
        foreach (var (key, value) in report.Setup)
        {
            md.AppendLine($"| {key} | {value} |");
        }
        if (report.Headlines.Count > 0)
        {
            md.AppendLine().AppendLine("## Headline figures").AppendLine().Append(Headlines(report));
        }
        foreach (var note in report.Notes)
        {
            md.AppendLine().AppendLine(note);
        }
        foreach (var run in report.Runs)
        {
            AppendRun(md, run);
        }
        return md.ToString();
    }

    /// <summary>The headline table alone: what the console prints at the end of a benchmark.</summary>
    public static string Headlines(Report report)
    {
        var md = new StringBuilder("| figure | value | target | verdict |\n|---|---|---|---|\n");
        foreach (var headline in report.Headlines)
        {
            md.AppendLine($"| {headline.Figure} | {headline.Value} | {headline.Target} | {headline.Verdict} |");
        }
        return md.ToString();
    }

    private static void AppendRun(StringBuilder md, RunResult run)
    {
        md.AppendLine().AppendLine($"## {run.Title}").AppendLine();
        foreach (var scenario in run.Scenarios)
        {
            md.AppendLine($"### {scenario.Name}").AppendLine();
            md.AppendLine($"Load: {scenario.Load}. Measured {Format.Seconds(scenario.Measured)}; iterations {Format.Count(scenario.IterationsOk)} ok, {Format.Count(scenario.IterationsFailed)} failed.").AppendLine();
            AppendSteps(md, scenario.Steps);
            if (scenario.InitSteps.Count > 0)
            {
                md.AppendLine().AppendLine("Init (before the load, not reset by the warm-up):").AppendLine();
                AppendSteps(md, scenario.InitSteps);
            }
            var errors = scenario.Steps.Concat(scenario.InitSteps).SelectMany(s => s.Errors.Select(e => (s.Name, e.Key, e.Value))).ToList();
            if (errors.Count > 0)
            {
                md.AppendLine().AppendLine("Errors:").AppendLine();
                foreach (var (step, reason, count) in errors.OrderByDescending(e => e.Value).Take(10))
                {
                    md.AppendLine($"- {step}: {reason} ({Format.Count(count)})");
                }
            }
            md.AppendLine();
        }
        if (run.Processes.Count > 0)
        {
            md.AppendLine("| process | CPU mean | CPU max | memory (RSS) start → end | peak | threads |").AppendLine("|---|---|---|---|---|---|");
            foreach (var process in run.Processes)
            {
                md.AppendLine($"| {process.Name} | {Format.Number(process.MeanCpuPercent, "0")} % | {Format.Number(process.MaxCpuPercent, "0")} % | {Format.MiB(process.StartRssBytes)} → {Format.MiB(process.EndRssBytes)} | {Format.MiB(process.PeakRssBytes)} | {(process.Samples.Count > 0 ? process.Samples[^1].Threads : 0)} |");
            }
            md.AppendLine().AppendLine("CPU is in percent of one core: 200 % is both cores of a two-core machine.");
        }
        foreach (var note in run.Notes)
        {
            md.AppendLine().AppendLine(note);
        }
    }

    private static void AppendSteps(StringBuilder md, IReadOnlyList<StepResult> steps)
    {
        md.AppendLine("| step | ok | failed | per s | mean ms | p50 ms | p95 ms | p99 ms | max ms |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var step in steps)
        {
            md.AppendLine($"| {step.Name} | {Format.Count(step.Ok)} | {Format.Count(step.Failed)} | {Format.Rate(step.PerSecond)} | {Format.Ms(step.MeanMs)} | {Format.Ms(step.Ms(50))} | {Format.Ms(step.Ms(95))} | {Format.Ms(step.Ms(99))} | {Format.Ms(step.MaxMs)} |");
        }
    }
}
