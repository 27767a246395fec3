using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Scale;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>scale [--quick] [--out DIR]</c>: 1+1, 2+2 and 3+3 silos and gateways on this machine, the same load on each.</summary>
public static class ScaleCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "1+1 and 2+2 with a small load for 5 s each, in about two minutes" };
        var output = CliOptions.Out();
        var command = new Command("scale", "Build the solution, start local clusters of 1+1, 2+2 and 3+3 silos and gateways (Redis and PostgreSQL "
            + "on loopback, through .ci/local-cluster), run chat messages and chat starts against each, and write report.md, report.csv, "
            + "processes.csv and report.html") { quick, output };
        command.SetAction(parse => RunAsync(parse.GetValue(quick), parse.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(bool quick, string? output)
    {
        var paths = RepositoryPaths.Find();
        var directory = output ?? Path.Combine(paths.Reports, "scale-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(directory);
        var report = await new ScaleOutBenchmark(quick ? ScaleSettings.Quick : ScaleSettings.Standard, paths, directory).RunAsync();
        await ReportWriter.WriteAsync(report, directory);
        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Headlines(report));
        Console.WriteLine($"Report: {Path.Combine(directory, "report.html")} (and report.md, report.csv, processes.csv)");
        return 0;
    }
}
