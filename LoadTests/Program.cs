using Switchboard.LoadTests.Cli;

// Switchboard's load tests (docs/benchmarks.md):
//   bench [--quick]    the standard benchmark against a freshly started standalone product, with the echo baseline
//   run --target URL   scenarios against a running deployment (see RunCommand for the options)
//   echo --urls URL    the raw Kestrel WebSocket echo server (the baseline) as its own process
//   hold ...           one of several client processes holding idle sockets (started by bench)
var options = Options.Parse(args);
return options.Command switch
{
    "bench" => await BenchCommand.RunAsync(options),
    "run" => await RunCommand.RunAsync(options),
    "echo" => await EchoCommand.RunAsync(options),
    "hold" => await HoldCommand.RunAsync(options),
    _ => Usage.Print(),
};
