using System.CommandLine;
using Switchboard.LoadTests.Abuse;
using Switchboard.LoadTests.Bench;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>abuse [--out DIR]</c>: issue 15's floods against a fresh standalone gateway with its shipped limits.</summary>
public static class AbuseCommand
{
    public static Command Create()
    {
        var output = CliOptions.Out();
        var noBuild = new Option<bool>("--no-build") { Description = "Use the gateway as last built (Release) instead of building it first" };
        var command = new Command("abuse", "Start a fresh standalone gateway and the echo baseline; measure the gateway's memory and a quiet "
            + "visitor's p99 under a page flood and under 1,000 tokenless hellos a second from one address; write abuse.md") { output, noBuild };
        command.SetAction(async parse =>
        {
            var paths = RepositoryPaths.Find();
            var directory = parse.GetValue(output) ?? Path.Combine(paths.Reports, "abuse-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
            Directory.CreateDirectory(directory);
            Console.WriteLine(await new AbuseBenchmark(paths, directory, build: !parse.GetValue(noBuild)).RunAsync());
            return 0;
        });
        return command;
    }
}
