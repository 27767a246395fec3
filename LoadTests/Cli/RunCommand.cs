using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Monitoring;
using Switchboard.LoadTests.Reports;
using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>run</c>: a profile against a deployment someone else started (standalone or a cluster behind a load
/// balancer). Operators are the site's own accounts; <c>--server-pid</c> adds a local server's CPU and memory.
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var target = Target.Parse(options.Require("target"));
        var site = options.Get("site", "demo");
        var logins = options.Get("operators", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var profile = options.Get("profile", "chat");
        var rate = options.Int("rate", 5);
        var warmUp = options.Seconds("warmup", 5);
        var during = options.Seconds("duration", 30);
        var load = LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), during);

        await using var desk = new OperatorDesk(target, site, logins, options.Get("password", "demo"));
        var scenarios = new List<Scenario>();
        if (logins.Length > 0)
        {
            scenarios.Add(OperatorsAnswering.Create(desk, new OperatorScript(Greet: true, ReplyEvery: 1, TimeSpan.FromMilliseconds(300))).WithWarmUp(warmUp));
        }
        if (profile is "chat" or "mixed")
        {
            scenarios.Add(VisitorsChatting.Create(target, site, new ChatShape(3, TimeSpan.FromSeconds(1), AwaitReplies: true)).WithWarmUp(warmUp).WithLoad(load));
        }
        if (profile is "browse" or "mixed")
        {
            scenarios.Add(VisitorsBrowsing.Create(target, site, TimeSpan.FromSeconds(1)).WithWarmUp(warmUp).WithLoad(load with { Target = rate * 5 }));
        }
        var watched = new List<WatchedProcess> { WatchedProcess.Self() };
        if (options.Get("server-pid") is { } pid)
        {
            watched.Add(new WatchedProcess("server", int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var result = await LoadRunner.RunAsync($"Profile '{profile}' against {target}", scenarios, watched, CancellationToken.None);
        var report = new Report($"Switchboard load run: {profile}", DateTimeOffset.UtcNow,
            [.. MachineInfo.Describe(), new("target", target.ToString()), new("site", site)], [], [result], []);
        var directory = options.Get("out") ?? Path.Combine(ReportsRoot(), DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        await ReportWriter.WriteAsync(report, directory);
        Console.WriteLine(MarkdownReport.Render(report));
        Console.WriteLine($"Report: {Path.Combine(directory, "report.html")}");
        return result.Failures == 0 ? 0 : 1;
    }

    private static string ReportsRoot()
    {
        try
        {
            return RepositoryPaths.Find().Reports;
        }
        catch (InvalidOperationException)
        {
            return Path.Combine(Directory.GetCurrentDirectory(), "reports");
        }
    }
}
