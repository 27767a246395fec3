using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>calls [--quick] [--rate N] [--out DIR]</c>: the phone benchmark (callers walking the overflow menu) beside the echo baseline.</summary>
public static class CallsCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "10 calls/s for 5 s instead of 50 calls/s for 20 s" };
        var rate = new Option<int?>("--rate") { Description = "new calls a second (default 50; 10 with --quick): a rate a loaded machine can hold" };
        var output = CliOptions.Out();
        var command = new Command("calls", "Build and start a fresh standalone gateway and the echo baseline, run callers through the phone hook's "
            + "overflow menu at 50 new calls/s, and write report.md, report.csv, processes.csv and report.html") { quick, rate, output };
        command.SetAction(parse => RunAsync(parse.GetValue(quick), parse.GetValue(rate), parse.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(bool quick, int? rate, string? output)
    {
        var paths = RepositoryPaths.Find();
        var directory = output ?? Path.Combine(paths.Reports, "calls-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(directory);
        var report = await new CallerBenchmark(quick, rate, paths, directory).RunAsync();
        await ReportWriter.WriteAsync(report, directory);
        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Headlines(report));
        Console.WriteLine($"Report: {Path.Combine(directory, "report.html")} (and report.md, report.csv, processes.csv)");
        return 0;
    }
}
