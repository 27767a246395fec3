using System.CommandLine;
using Switchboard.LoadTests.Echo;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>echo --urls http://127.0.0.1:PORT</c>: the baseline server as its own process, until stopped.</summary>
public static class EchoCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where it listens", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var command = new Command("echo", "The echo baseline server alone, until stopped") { urls };
        command.SetAction(parse => RunAsync(parse.GetValue(urls)!));
        return command;
    }

    public static async Task<int> RunAsync(string urls)
    {
        await using var app = await EchoServer.StartAsync(urls);
        Console.WriteLine($"Echo server on {urls}{Scenarios.EchoRoundTrips.Path}");
        var stopped = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopped.TrySetResult();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.TrySetResult();
        await stopped.Task;
        return 0;
    }
}
