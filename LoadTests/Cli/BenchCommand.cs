using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Reports;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>bench [--quick] [--only idle,throughput,latency,assignment,mixed,invitations] [--out DIR]</c>: the standard benchmark against a fresh standalone product.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var paths = RepositoryPaths.Find();
        var directory = options.Get("out") ?? Path.Combine(paths.Reports, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(directory);
        var settings = options.Flag("quick") ? BenchSettings.Quick : BenchSettings.Standard;
        var only = (options.Get("only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
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
