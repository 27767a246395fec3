using Switchboard.LoadTests.Runner;
using Switchboard.LoadTests.Scenarios;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Cli;

/// <summary>
/// <c>hold</c>: one load-client process of several that together hold more idle sockets than one process may
/// open (about 20,000 files each here); <c>--kind invited</c> visitors also wait for an invitation. Prints <c>connected N</c> as sockets open and <c>ready</c> once all are,
/// holds them until a <c>stop</c> line (or the end of input), then writes its figures to <c>--result</c>.
/// </summary>
public static class HoldCommand
{
    private static readonly TimeSpan Progress = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(Options options)
    {
        var target = Target.Parse(options.Require("target"));
        var count = options.Int("count", 1000);
        var ramp = options.Seconds("ramp", 10);
        var connected = 0;
        void Connected() => Interlocked.Increment(ref connected);
        var scenario = options.Get("kind", "visitor") switch
        {
            "raw" => IdleSockets.Raw(target, count, ramp, TimeSpan.FromHours(1), Connected),
            // "connected" counts visitors whose invitation came (or timed out); "ready" then means every timer has fired.
            "invited" => InvitedVisitors.Create(target, options.Require("site"), count, ramp, TimeSpan.FromHours(1),
                options.Seconds("dwell", InvitedVisitors.DwellSeconds), Connected),
            _ => IdleSockets.Visitors(target, options.Require("site"), count, ramp, TimeSpan.FromHours(1), Connected),
        };

        using var stop = new CancellationTokenSource();
        var run = LoadRunner.RunAsync(options.Get("title", scenario.Name), [scenario], [], stop.Token);
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "stop")
            {
            }
            stop.Cancel();
        });
        var reported = -1;
        var ready = false;
        while (!run.IsCompleted && !stop.IsCancellationRequested)
        {
            var now = Volatile.Read(ref connected);
            if (now != reported)
            {
                Console.WriteLine($"connected {now}");
                reported = now;
            }
            if (!ready && now >= count)
            {
                Console.WriteLine("ready");
                ready = true;
            }
            await Task.WhenAny(run, Task.Delay(Progress));
        }
        var result = await run;
        await ResultFile.WriteAsync(result, options.Require("result"));
        Console.WriteLine("done");
        return 0;
    }
}
