using System.Net;
using System.Text;
using Switchboard.LoadTests.Runner;

namespace Switchboard.LoadTests.Reports;

/// <summary>
/// The report as one self-contained HTML page: the Markdown report's tables, plus per scenario a latency-by-
/// percentile chart and throughput and p99 over time, and per run the watched processes' CPU and memory.
/// </summary>
public static class HtmlReport
{
    private static readonly double[] Percentiles = [0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];

    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        td:first-child,th:first-child{text-align:left}.met{color:#1a7f37}.missed{color:#cf222e}.none{color:#777}
        .chart{width:100%;max-width:720px;font-size:11px;display:block;margin:.5em 0}.chart .t{font-size:13px;font-weight:600}
        .chart .g{stroke:#eee}.chart .ax{stroke:#888}.chart .a{fill:#555}
        """;

    public static string Render(Report report)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(report.Title)}</title><style>{Style}</style></head><body>");
        html.Append($"<h1>{E(report.Title)}</h1><p>Run at {report.At:yyyy-MM-dd HH:mm} UTC.</p><table>");
        foreach (var (key, value) in report.Setup)
        {
            html.Append($"<tr><td>{E(key)}</td><td style=\"text-align:left\">{E(value)}</td></tr>");
        }
        html.Append("</table>");
        if (report.Headlines.Count > 0)
        {
            html.Append("<h2>Headline figures</h2><table><tr><th>figure</th><th>value</th><th>target</th><th>verdict</th></tr>");
            foreach (var headline in report.Headlines)
            {
                var css = headline.IsMeasurement ? "none" : headline.Met switch { true => "met", false => "missed", null => "none" };
                html.Append($"<tr><td>{E(headline.Figure)}</td><td>{E(headline.Value)}</td><td>{E(headline.Target)}</td><td class=\"{css}\">{headline.Verdict}</td></tr>");
            }
            html.Append("</table>");
        }
        foreach (var note in report.Notes)
        {
            html.Append($"<p>{E(note)}</p>");
        }
        foreach (var run in report.Runs)
        {
            AppendRun(html, run);
        }
        return html.Append("</body></html>").ToString();
    }

    private static void AppendRun(StringBuilder html, RunResult run)
    {
        html.Append($"<h2>{E(run.Title)}</h2>");
        foreach (var scenario in run.Scenarios)
        {
            html.Append($"<h3>{E(scenario.Name)}</h3><p>Load: {E(scenario.Load)}. Measured {Format.Seconds(scenario.Measured)}; iterations {Format.Count(scenario.IterationsOk)} ok, {Format.Count(scenario.IterationsFailed)} failed.</p>");
            AppendSteps(html, scenario.Steps);
            var measured = scenario.Steps.Where(s => s.Ok > 0).ToList();
            if (measured.Count == 0)
            {
                continue;
            }
            html.Append(SvgChart.Line($"{scenario.Name}: latency by percentile", "percentile", "ms",
                measured.Select(s => new ChartSeries(s.Name, Percentiles.Select(p => (Nines(p), s.Ms(p))).ToList())).ToList(),
                [(Nines(0), "0"), (Nines(90), "90"), (Nines(99), "99"), (Nines(99.9), "99.9"), (Nines(99.99), "99.99")]));
            html.Append(SvgChart.Line($"{scenario.Name}: completions per second", "second", "per s",
                measured.Select(s => new ChartSeries(s.Name, s.Series.Select(p => ((double)p.Second, (double)p.Ok)).ToList())).ToList()));
            html.Append(SvgChart.Line($"{scenario.Name}: p99 per second", "second", "ms",
                measured.Select(s => new ChartSeries(s.Name, s.Series.Where(p => p.Ok > 0).Select(p => ((double)p.Second, p.P99Micros / 1000.0)).ToList())).ToList()));
        }
        if (run.Processes.Count > 0)
        {
            html.Append("<table><tr><th>process</th><th>CPU mean</th><th>CPU max</th><th>RSS start → end</th><th>peak</th></tr>");
            foreach (var process in run.Processes)
            {
                html.Append($"<tr><td>{E(process.Name)}</td><td>{Format.Number(process.MeanCpuPercent, "0")} %</td><td>{Format.Number(process.MaxCpuPercent, "0")} %</td><td>{Format.MiB(process.StartRssBytes)} → {Format.MiB(process.EndRssBytes)}</td><td>{Format.MiB(process.PeakRssBytes)}</td></tr>");
            }
            html.Append("</table><p>CPU is in percent of one core: 200 % is both cores of a two-core machine.</p>");
            html.Append(SvgChart.Line("CPU", "second", "% of one core",
                run.Processes.Select(p => new ChartSeries(p.Name, p.Samples.Select(s => (s.Second, s.CpuPercent)).ToList())).ToList()));
            html.Append(SvgChart.Line("Resident memory", "second", "MiB",
                run.Processes.Select(p => new ChartSeries(p.Name, p.Samples.Select(s => (s.Second, s.RssBytes / 1024.0 / 1024.0)).ToList())).ToList()));
        }
        foreach (var note in run.Notes)
        {
            html.Append($"<p>{E(note)}</p>");
        }
    }

    private static void AppendSteps(StringBuilder html, IReadOnlyList<StepResult> steps)
    {
        html.Append("<table><tr><th>step</th><th>ok</th><th>failed</th><th>per s</th><th>mean ms</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        foreach (var s in steps)
        {
            html.Append($"<tr><td>{E(s.Name)}</td><td>{Format.Count(s.Ok)}</td><td>{Format.Count(s.Failed)}</td><td>{Format.Rate(s.PerSecond)}</td><td>{Format.Ms(s.MeanMs)}</td><td>{Format.Ms(s.Ms(50))}</td><td>{Format.Ms(s.Ms(95))}</td><td>{Format.Ms(s.Ms(99))}</td><td>{Format.Ms(s.MaxMs)}</td></tr>");
        }
        html.Append("</table>");
    }

    /// <summary>Percentiles on a log scale of "nines": 90 → 1, 99 → 2, 99.9 → 3.</summary>
    private static double Nines(double percentile) => Math.Log10(100 / Math.Max(100 - percentile, 0.001));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
