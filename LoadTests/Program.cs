using Switchboard.LoadTests.Cli;

namespace Switchboard.LoadTests;

/// <summary>
/// Switchboard's load tests (docs/benchmarks.md). A class in a namespace rather than top-level statements, so
/// the tests can reference this project and the gateway's <c>Program</c> side by side.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        return options.Command switch
        {
            // The standard benchmark against a freshly started standalone product, with the echo baseline.
            "bench" => await BenchCommand.RunAsync(options),
            // Scenarios against a running deployment.
            "run" => await RunCommand.RunAsync(options),
            // The raw Kestrel WebSocket echo server (the baseline) as its own process.
            "echo" => await EchoCommand.RunAsync(options),
            // One of several client processes holding idle sockets (started by bench).
            "hold" => await HoldCommand.RunAsync(options),
            // The cost of the hot path's frames, per call, in this process.
            "frames" => await FramesCommand.RunAsync(options),
            _ => Usage.Print(),
        };
    }
}
