using System.CommandLine;
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
    public static Command Create()
    {
        var target = CliOptions.Target();
        var site = CliOptions.Site("demo");
        var operators = new Option<string>("--operators") { Description = "The site's operator logins that answer, comma-separated", DefaultValueFactory = _ => "" };
        var password = new Option<string>("--password") { Description = "Their password", DefaultValueFactory = _ => "demo" };
        var profile = new Option<string>("--profile") { Description = "What the visitors do", DefaultValueFactory = _ => "chat" };
        profile.AcceptOnlyFromAmong("chat", "browse", "mixed");
        var rate = new Option<int>("--rate") { Description = "New visitors a second", DefaultValueFactory = _ => 5 };
        var warmUp = CliOptions.Seconds("--warmup", 5, "Warm-up before measuring");
        var duration = CliOptions.Seconds("--duration", 30, "How long visitors keep arriving");
        var serverPid = new Option<int?>("--server-pid") { Description = "A local server process whose CPU and memory to add" };
        var output = CliOptions.Out();
        var command = new Command("run", "Scenarios against a running deployment, with its own operators")
        {
            target, site, operators, password, profile, rate, warmUp, duration, serverPid, output,
        };
        command.SetAction(parse => RunAsync(new RunArguments(
            Target.Parse(parse.GetValue(target)!), parse.GetValue(site)!,
            parse.GetValue(operators)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parse.GetValue(password)!, parse.GetValue(profile)!, parse.GetValue(rate),
            TimeSpan.FromSeconds(parse.GetValue(warmUp)), TimeSpan.FromSeconds(parse.GetValue(duration)),
            parse.GetValue(serverPid), parse.GetValue(output))));
        return command;
    }

    public static async Task<int> RunAsync(RunArguments arguments)
    {
        var (target, site, logins, password, profile, rate, warmUp, during, serverPid, output) = arguments;
        var load = LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), during);

        await using var desk = new OperatorDesk(target, site, logins, password);
        var scenarios = new List<Scenario>();
        if (logins.Count > 0)
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
        if (serverPid is { } pid)
        {
            watched.Add(new WatchedProcess("server", pid));
        }

        var result = await LoadRunner.RunAsync($"Profile '{profile}' against {target}", scenarios, watched, CancellationToken.None, Console.Out);
        var report = new Report($"Switchboard load run: {profile}", DateTimeOffset.UtcNow,
            [.. MachineInfo.Describe(), new("target", target.ToString()), new("site", site)], [], [result], []);
        var directory = output ?? Path.Combine(ReportsRoot(), DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
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
