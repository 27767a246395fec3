using System.CommandLine;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Uploads;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>uploads</c>: the attachment benchmark (docs/benchmarks.md#attachments) against a fresh standalone gateway.</summary>
public static class UploadsCommand
{
    public static Command Create()
    {
        var photos = new Option<int>("--photos") { Description = "1 MB photos to upload", DefaultValueFactory = _ => 300 };
        var concurrency = new Option<int>("--concurrency") { Description = "Uploads at a time in the throughput run", DefaultValueFactory = _ => 8 };
        var command = new Command("uploads", "Attachment upload throughput, latency and the gateway's memory") { photos, concurrency };
        command.SetAction(async parse =>
        {
            var table = await new UploadBenchmark(RepositoryPaths.Find(), parse.GetValue(photos), parse.GetValue(concurrency)).RunAsync();
            Console.WriteLine(table);
            return 0;
        });
        return command;
    }
}
