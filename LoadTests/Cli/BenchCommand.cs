using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>bench [--quick] [--only idle,throughput,latency,assignment,mixed,invitations] [--out DIR] [--check]</c>: the
/// standard benchmark against a fresh standalone product. With <c>--check</c> a missed target makes the exit code 1,
/// so a script or CI job can fail on it; the report is written either way.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A small shape of the same benchmark, in about a minute and a half" };
        var only = new Option<string?>("--only") { Description = $"Only these parts, comma-separated: {string.Join(",", StandardBenchmark.Parts)}" };
        var output = CliOptions.Out();
        var check = new Option<bool>("--check") { Description = "Exit with 1 when any target is missed (the report is written either way)" };
        var command = new Command("bench", "Build and start a fresh standalone gateway and the echo baseline, run the standard benchmark and "
            + "write report.md, report.csv, processes.csv and report.html") { quick, only, output, check };
        command.SetAction(parse => RunAsync(parse.GetValue(quick), parse.GetValue(only), parse.GetValue(output), parse.GetValue(check)));
        return command;
    }

    public static async Task<int> RunAsync(bool quick, string? parts, string? output, bool check = false)
    {
        var paths = RepositoryPaths.Find();
        var directory = output ?? Path.Combine(paths.Reports, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(directory);
        var settings = quick ? BenchSettings.Quick : BenchSettings.Standard;
        var only = (parts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        if (only.Except(StandardBenchmark.Parts).FirstOrDefault() is { } unknown)
        {
            Console.Error.WriteLine($"--only takes {string.Join(", ", StandardBenchmark.Parts)}; not '{unknown}'.");
            return 2;
        }
        var report = await new StandardBenchmark(settings, paths, directory, only).RunAsync();
        await ReportWriter.WriteAsync(report, directory);
        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Headlines(report));
        Console.WriteLine($"Report: {Path.Combine(directory, "report.html")} (and report.md, report.csv, processes.csv)");
        return ExitCode(report.Headlines, check);
    }

    /// <summary>0, unless <paramref name="check"/> asks and a measured target was missed (one not run is not a miss).</summary>
    public static int ExitCode(IReadOnlyList<Headline> headlines, bool check)
    {
        var missed = headlines.Where(h => h.Met == false).ToList();
        foreach (var headline in missed)
        {
            Console.Error.WriteLine($"Missed: {headline.Figure}: {headline.Value} (target {headline.Target})");
        }
        return check && missed.Count > 0 ? 1 : 0;
    }
}
