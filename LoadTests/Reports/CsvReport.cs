using System.Text;

namespace Switchboard.LoadTests.Reports;

/// <summary>The figures as CSV for spreadsheets: one row per step (and init step), one per watched process.</summary>
public static class CsvReport
{
    public static string Steps(Report report)
    {
        var csv = new StringBuilder("run,scenario,step,phase,ok,failed,per_second,mean_ms,p50_ms,p95_ms,p99_ms,max_ms\n");
        foreach (var run in report.Runs)
        {
            foreach (var scenario in run.Scenarios)
            {
                foreach (var (step, phase) in scenario.Steps.Select(s => (s, "load")).Concat(scenario.InitSteps.Select(s => (s, "init"))))
                {
                    csv.AppendLine(string.Join(',', Quote(run.Title), Quote(scenario.Name), Quote(step.Name), phase, step.Ok, step.Failed,
                        Format.Number(step.PerSecond, "0.0"), Format.Number(step.MeanMs, "0.000"), Format.Number(step.Ms(50), "0.000"),
                        Format.Number(step.Ms(95), "0.000"), Format.Number(step.Ms(99), "0.000"), Format.Number(step.MaxMs, "0.000")));
                }
            }
        }
        return csv.ToString();
    }

    public static string Processes(Report report)
    {
        var csv = new StringBuilder("run,process,cpu_mean_percent,cpu_max_percent,rss_start_bytes,rss_end_bytes,rss_peak_bytes\n");
        foreach (var run in report.Runs)
        {
            foreach (var process in run.Processes)
            {
                csv.AppendLine(string.Join(',', Quote(run.Title), Quote(process.Name), Format.Number(process.MeanCpuPercent, "0.0"),
                    Format.Number(process.MaxCpuPercent, "0.0"), process.StartRssBytes, process.EndRssBytes, process.PeakRssBytes));
            }
        }
        return csv.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
