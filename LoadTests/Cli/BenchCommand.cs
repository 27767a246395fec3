using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>bench [--quick] [--only idle,throughput,latency,assignment,mixed,invitations] [--out DIR]</c>: the standard benchmark against a fresh standalone product.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A small shape of the same benchmark, in about a minute and a half" };
        var only = new Option<string?>("--only") { Description = $"Only these parts, comma-separated: {string.Join(",", StandardBenchmark.Parts)}" };
        var output = CliOptions.Out();
        var command = new Command("bench", "Build and start a fresh standalone gateway and the echo baseline, run the standard benchmark and "
            + "write report.md, report.csv, processes.csv and report.html") { quick, only, output };
        command.SetAction(parse => RunAsync(parse.GetValue(quick), parse.GetValue(only), parse.GetValue(output)));
        return command;
    }

    public static async Task<int> RunAsync(bool quick, string? parts, string? output)
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
        return 0;
    }
}
