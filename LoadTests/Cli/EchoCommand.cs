using Switchboard.LoadTests.Echo;

namespace Switchboard.LoadTests.Cli;

/// <summary><c>echo --urls http://127.0.0.1:PORT</c>: the baseline server as its own process, until stopped.</summary>
public static class EchoCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        await using var app = await EchoServer.StartAsync(options.Get("urls", "http://127.0.0.1:5090"));
        Console.WriteLine($"Echo server on {options.Get("urls", "http://127.0.0.1:5090")}{Scenarios.EchoRoundTrips.Path}");
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
