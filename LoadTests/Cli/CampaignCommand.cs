using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Campaigns;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>campaign [--contacts N] [--concurrency N] [--no-build] [--out DIR]</c>: issue 13's measure, a robot call campaign
/// against a fake PBX answering in 1–10 s on a fresh standalone gateway.
/// </summary>
public static class CampaignCommand
{
    public static Command Create()
    {
        var contacts = new Option<int>("--contacts") { Description = "contacts in the campaign", DefaultValueFactory = _ => 10_000 };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "the campaign's concurrency (at 300 and 5.5 s a call, 10,000 contacts take about three minutes)", DefaultValueFactory = _ => 300,
        };
        var noBuild = new Option<bool>("--no-build") { Description = "use the gateway already built in Release" };
        var output = CliOptions.Out();
        var command = new Command("campaign", "Build and start a fresh standalone gateway, run a campaign of 10,000 contacts against a fake PBX "
            + "answering in 1–10 s, and report calls started per second, scheduling lateness p99 and memory (campaign.md)") { contacts, concurrency, noBuild, output };
        command.SetAction(parse => RunAsync(parse.GetValue(contacts), parse.GetValue(concurrency), !parse.GetValue(noBuild), parse.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(int contacts, int concurrency, bool build, string? output)
    {
        if (contacts < 1 || concurrency is < 1 or > 1000)
        {
            Console.Error.WriteLine("--contacts must be at least 1 and --concurrency 1 to 1000.");
            return 2;
        }
        var paths = RepositoryPaths.Find();
        var directory = output ?? Path.Combine(paths.Reports, "campaign-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(directory);
        var report = await new CampaignBenchmark(contacts, concurrency, paths, directory, build).RunAsync();
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"Report: {Path.Combine(directory, "campaign.md")}");
        return 0;
    }
}
